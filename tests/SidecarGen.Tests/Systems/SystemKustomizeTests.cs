using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Systems;

/// <summary>
/// The system's kustomization builds with the real kustomize (<c>kubectl kustomize</c>, on the machine
/// image; CI fails without it), every object it yields reads back strictly, lands in the system's
/// namespace and matches the Kubernetes OpenAPI schemas.
/// </summary>
public sealed class SystemKustomizeTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sidecargen-system-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [SkippableFact]
    public void Kubectl_kustomize_builds_the_whole_system_into_its_namespace()
    {
        var kubectl = RealTool.Require("kubectl");
        Write(SystemHarness.Run(Shop.All, new Dictionary<string, string> { ["SidecarGenNamespace"] = "shop" }));

        var (exitCode, yaml) = Processes.Run(kubectl, new[] { "kustomize", Path.Combine(folder, "kubernetes") });

        Assert.True(exitCode == 0, yaml);
        var objects = KubernetesYaml.LoadAllFromString(yaml, strict: true);
        Assert.Equal(3, objects.OfType<V1Deployment>().Count());
        Assert.Equal(3, objects.OfType<V1NetworkPolicy>().Count());
        var ns = Assert.Single(objects.OfType<V1Namespace>());
        Assert.Equal("shop", ns.Metadata.Name);
        Assert.Equal("restricted", ns.Metadata.Labels["pod-security.kubernetes.io/enforce"]);
        Assert.All(objects.Where(o => o is not V1Namespace).Cast<IMetadata<V1ObjectMeta>>(), o => Assert.Equal("shop", o.Metadata.NamespaceProperty));
        Assert.All(Directory.GetDirectories(Path.Combine(folder, "kubernetes")), service => Assert.False(File.Exists(Path.Combine(service, "namespace.yaml")), service));
        foreach (var deployment in objects.OfType<V1Deployment>())
        {
            PodAssertions.Restricted(deployment.Spec.Template.Spec);
        }
    }

    /// <summary>Each autoscaled service of a system gets its own autoscaler, which the system's kustomization reaches through the service's folder.</summary>
    [SkippableFact]
    public void Each_autoscaled_service_scales_its_own_deployment()
    {
        var kubectl = RealTool.Require("kubectl");
        var services = new[]
        {
            Shop.Of("Storefront", "SidecarService(\"storefront\", Image = \"registry.example.com/storefront:1.0.0\", Calls = new[] { \"orders\" }, MaxReplicas = 6)", "AuthProxySidecar(IssuerUrl = \"https://login.example.com/realms/shop\")"),
            Shop.Of("Orders", "SidecarService(\"orders\", Image = \"registry.example.com/orders:1.0.0\", MinReplicas = 3, MaxReplicas = 9)", "MetricsSidecar"),
            Shop.Ledger,
        };
        Write(SystemHarness.Run(services, new Dictionary<string, string> { ["SidecarGenNamespace"] = "shop" }));

        var (exitCode, yaml) = Processes.Run(kubectl, new[] { "kustomize", Path.Combine(folder, "kubernetes") });

        Assert.True(exitCode == 0, yaml);
        var objects = KubernetesYaml.LoadAllFromString(yaml, strict: true);
        var deployments = objects.OfType<V1Deployment>().ToDictionary(d => d.Metadata.Name);
        var autoscalers = objects.OfType<V2HorizontalPodAutoscaler>().ToList();
        Assert.Equal(new[] { ("orders", 3, 9), ("storefront", 2, 6) }, autoscalers.Select(a => (a.Spec.ScaleTargetRef.Name, a.Spec.MinReplicas ?? 0, a.Spec.MaxReplicas)).Order());
        foreach (var autoscaler in autoscalers)
        {
            var deployment = deployments[autoscaler.Spec.ScaleTargetRef.Name];
            Assert.Equal(("apps/v1", "Deployment", "shop"), (autoscaler.Spec.ScaleTargetRef.ApiVersion, autoscaler.Spec.ScaleTargetRef.Kind, autoscaler.Metadata.NamespaceProperty));
            Assert.Null(deployment.Spec.Replicas);
            Assert.All(autoscaler.Spec.Metrics, metric => Assert.Equal(deployment.Metadata.Name, metric.ContainerResource.Container));
        }

        Assert.Equal(2, deployments["ledger"].Spec.Replicas);
    }

    [SkippableTheory]
    [InlineData("envoy")]
    [InlineData("istio")]
    public void Every_object_matches_the_kubernetes_openapi_schema(string mesh)
    {
        var node = RealTool.Require("node");
        if (!Directory.Exists(Path.Combine(OpenApiFolder(), "node_modules", "kubernetes-models")))
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", ".ci/run installs tests/SidecarGen.Tests/OpenApi's packages");
            Skip.If(true, "run `npm install --prefix tests/SidecarGen.Tests/OpenApi` to validate against the OpenAPI schemas");
        }

        // Our Envoy (the shop), or Istio with mutual TLS, whose called services get an AuthorizationPolicy.
        var services = mesh == "istio" ? IstioAuthorizationTests.Services : Shop.All;
        var files = SystemHarness.Run(services).KubernetesObjects.Select(file =>
        {
            var path = Path.Combine(folder, file.Key.Replace('/', '-'));
            File.WriteAllText(path, file.Value);
            return path;
        }).ToList();

        Assert.True(mesh != "istio" || files.Any(path => path.EndsWith("istio-authorizationpolicy.yaml", StringComparison.Ordinal)), "no AuthorizationPolicy to validate");
        var (exitCode, log) = Processes.Run(node, new[] { Path.Combine(OpenApiFolder(), "validate.mjs") }.Concat(files));

        Assert.True(exitCode == 0, log);
        Assert.Equal(files.Count, log.Split('\n').Count(line => line.StartsWith("ok ", StringComparison.Ordinal)));
    }

    private void Write(GeneratedOutput output)
    {
        foreach (var (path, content) in output.Files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }
    }

    private static string OpenApiFolder([CallerFilePath] string caller = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(caller))!, "OpenApi");
}
