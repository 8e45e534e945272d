using System.Runtime.CompilerServices;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Generator;

/// <summary>
/// Every generated Kubernetes object validated against the JSON schemas generated from the
/// Kubernetes OpenAPI spec and the CRDs of the add-ons and of Istio (the npm packages
/// kubernetes-models and @kubernetes-models/*, run by OpenApi/validate.mjs; .ci/run installs them):
/// types, required fields and enums, beyond what a strict read-back checks.
/// </summary>
public sealed class KubernetesOpenApiTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sidecargen-openapi-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    public static TheoryData<string, string> Services => new()
    {
        { "order-service", Sources.OrderService },
        { "all-sidecars", SidecarDeclarations.All() },
        { "mesh-without-mtls", SidecarDeclarations.Service("ServiceMeshSidecar(Mtls = false)", "TlsTerminationSidecar") },
        { "consul-watcher", SidecarDeclarations.Service("ConfigWatcherSidecar", "LoggingSidecar(Agent = LogAgent.Filebeat)") },
        { "istio", SidecarDeclarations.Service(SidecarDeclarations.Meshes["istio"]) },
        { "istio-without-mtls", SidecarDeclarations.Service("ServiceMeshSidecar(Mesh = MeshProvider.Istio, Mtls = false, Retries = 0, MaxConnections = 0, Upstreams = new[] { \"search=search:9200\" })", "MetricsSidecar") },
        { "all-sidecars-istio", SidecarDeclarations.AllWith("istio") },
        { "linkerd", SidecarDeclarations.Service(SidecarDeclarations.Meshes["linkerd"]) },
        { "all-sidecars-linkerd", SidecarDeclarations.AllWith("linkerd") },
        { "grpc", ProtocolTests.Greeter("Grpc") },
        { "grpc-behind-tls-and-mesh", ProtocolTests.Greeter("Grpc", "TlsTerminationSidecar", "ServiceMeshSidecar") },
        { "http2-istio", ProtocolTests.Greeter("Http2", SidecarDeclarations.Meshes["istio"]) },
    };

    [SkippableTheory]
    [MemberData(nameof(Services))]
    public void Every_object_matches_the_kubernetes_openapi_schema(string name, string source)
    {
        foreach (var kubernetesVersion in new[] { "1.33", "1.28" })
        {
            Validate(name + "-" + kubernetesVersion, GeneratorHarness.Run(source, new Dictionary<string, string> { ["SidecarGenKubernetesVersion"] = kubernetesVersion }));
        }
    }

    /// <summary>The add-ons' objects against the schemas of their CRDs (@kubernetes-models/prometheus-operator, cert-manager, gateway-api, external-secrets).</summary>
    [SkippableTheory]
    [MemberData(nameof(AddOnServices.Variants), MemberType = typeof(AddOnServices))]
    public void Every_add_on_object_matches_its_crd_schema(string variant)
    {
        var output = GeneratorHarness.Run(AddOnServices.Source, AddOnServices.Properties(variant));
        Assert.Contains(output.Files.Keys, path => path.Contains("monitor", StringComparison.Ordinal));
        Validate("addons-" + variant, output);
    }

    public static TheoryData<string, string> AddOnReleases => new()
    {
        { nameof(AddOnServices.Gateway), CustomResourceSchemas.Newest },
        { nameof(AddOnServices.Ingress), CustomResourceSchemas.Newest },
        { nameof(AddOnServices.Gateway), CustomResourceSchemas.Oldest },
        { nameof(AddOnServices.Ingress), CustomResourceSchemas.Oldest },
    };

    /// <summary>
    /// The npm CRD schemas accept fields they do not define; the API server prunes them. So every add-on
    /// object is also walked against the CRD its project publishes, at the newest release (Schemas/crds)
    /// and at the oldest SidecarGen supports (Schemas/crds-oldest: cert-manager v1.12.0, Gateway API v1.0.0,
    /// External Secrets Operator v0.16.0, Prometheus Operator v0.50.0), and a misspelt or newer field is caught here.
    /// </summary>
    [Theory]
    [MemberData(nameof(AddOnReleases))]
    public void Every_add_on_object_sets_only_fields_its_published_crd_defines(string variant, string release)
    {
        var output = GeneratorHarness.Run(AddOnServices.Source, AddOnServices.Properties(variant));
        var resources = output.KubernetesObjects.Where(file => KubernetesObjects.IsCustomResource(file.Value)).ToList();
        Assert.Equal(variant == nameof(AddOnServices.Gateway) ? 6 : 5, resources.Count);
        Assert.All(resources, file => Assert.True(
            CustomResourceSchemas.Violations(YamlJson.Parse(file.Value), release) is [],
            file.Key + ": " + string.Join("; ", CustomResourceSchemas.Violations(YamlJson.Parse(file.Value), release))));
    }

    /// <summary>Every object of each autoscaled service: the HorizontalPodAutoscaler against the Kubernetes OpenAPI schema, the ScaledObject against @kubernetes-models/keda.</summary>
    [SkippableTheory]
    [MemberData(nameof(AutoscaledServices.Names), MemberType = typeof(AutoscaledServices))]
    public void Every_object_of_an_autoscaled_service_matches_its_schema(string name) => Validate("autoscale-" + name, AutoscaledServices.Run(name));

    /// <summary>The ScaledObject walked against the CRD KEDA v2.20.2 publishes (Schemas/crds).</summary>
    [Theory]
    [InlineData("keda")]
    [InlineData("keda-collector")]
    [InlineData("keda-istio")]
    [InlineData("keda-linkerd")]
    public void The_scaled_object_sets_only_fields_keda_defines(string name)
    {
        var scaledObject = YamlJson.Parse(AutoscaledServices.Run(name)["kubernetes/scaledobject.yaml"]);
        Assert.Empty(CustomResourceSchemas.Violations(scaledObject));
    }

    [Fact]
    public void The_crd_check_finds_a_field_keda_does_not_define()
    {
        var scaledObject = YamlJson.Parse(AutoscaledServices.Run("keda")["kubernetes/scaledobject.yaml"].Replace("minReplicaCount:", "minReplicas:"));
        Assert.Contains("spec.minReplicas: not a field of the CRD", CustomResourceSchemas.Violations(scaledObject));
    }

    /// <summary>
    /// The CRD leaves a trigger's metadata a map of strings; each scaler reads its own keys. These are the
    /// keys of the scalers we write, as KEDA v2.20.2 declares them (kedacore/keda <c>pkg/scalers/cpu_memory_scaler.go</c>
    /// and <c>prometheus_scaler.go</c>, their <c>keda:"name=..."</c> tags), with the ones each requires.
    /// </summary>
    [Theory]
    [InlineData("keda")]
    [InlineData("keda-collector")]
    [InlineData("keda-istio")]
    [InlineData("keda-linkerd")]
    public void Each_trigger_sets_only_metadata_its_scaler_reads(string name)
    {
        var scalers = new Dictionary<string, (string[] Keys, string[] Required)>
        {
            ["cpu"] = (["type", "value", "containerName"], ["value"]),
            ["memory"] = (["type", "value", "containerName"], ["value"]),
            ["prometheus"] = (["serverAddress", "query", "queryParameters", "threshold", "activationThreshold", "namespace", "customHeaders", "ignoreNullValues", "unsafeSsl", "awsRegion", "timeout", "identityOwner"], ["serverAddress", "query", "threshold"]),
        };
        var triggers = YamlJson.Parse(AutoscaledServices.Run(name)["kubernetes/scaledobject.yaml"])["spec"]!["triggers"]!.AsArray();
        Assert.Equal(new[] { "cpu", "prometheus" }, triggers.Select(t => (string)t!["type"]!));
        foreach (var trigger in triggers)
        {
            var (keys, required) = scalers[(string)trigger!["type"]!];
            var metadata = trigger["metadata"]!.AsObject().Select(m => m.Key).ToList();
            Assert.All(metadata, key => Assert.Contains(key, keys));
            Assert.All(required, key => Assert.Contains(key, metadata));
        }
    }

    /// <summary>Istio's objects, each provider setting of them, walked against the CRDs istio/api publishes (Schemas/crds).</summary>
    [Theory]
    [InlineData("istio")]
    [InlineData("istio-without-mtls")]
    [InlineData("all-sidecars-istio")]
    public void Every_istio_object_sets_only_fields_its_published_crd_defines(string name)
    {
        var source = (string)Services.Single(row => (string)row[0] == name)[1];
        var resources = GeneratorHarness.Run(source).KubernetesObjects.Where(file => KubernetesObjects.IsCustomResource(file.Value)).ToList();
        Assert.NotEmpty(resources);
        Assert.All(resources, file => Assert.True(CustomResourceSchemas.Violations(YamlJson.Parse(file.Value)) is [], file.Key + ": " + string.Join("; ", CustomResourceSchemas.Violations(YamlJson.Parse(file.Value)))));
    }

    [Fact]
    public void The_crd_check_finds_a_field_istio_does_not_define()
    {
        var output = GeneratorHarness.Run(SidecarDeclarations.Service(SidecarDeclarations.Meshes["istio"]));
        var rule = YamlJson.Parse(output["kubernetes/istio-destinationrule.yaml"].Replace("http1MaxPendingRequests:", "http1MaxPendingRequest:"));
        Assert.Contains("spec.trafficPolicy.connectionPool.http.http1MaxPendingRequest: not a field of the CRD", CustomResourceSchemas.Violations(rule));
    }

    [Fact]
    public void The_crd_check_finds_a_misspelt_a_missing_and_an_unserved_field()
    {
        var output = GeneratorHarness.Run(AddOnServices.Source, AddOnServices.Gateway());
        var monitor = YamlJson.Parse(output["kubernetes/podmonitor.yaml"].Replace("podMetricsEndpoints:", "podMetricEndpoints:"));
        Assert.Contains("spec.podMetricEndpoints: not a field of the CRD", CustomResourceSchemas.Violations(monitor));
        var certificate = YamlJson.Parse(output["kubernetes/certificate-orders-tls.yaml"].Replace("  secretName:", "  secret:"));
        Assert.Contains("spec: lacks the required field secretName", CustomResourceSchemas.Violations(certificate));
        var external = YamlJson.Parse(output["kubernetes/externalsecret-orders-auth.yaml"].Replace("external-secrets.io/v1", "external-secrets.io/v1beta1"));
        Assert.Contains("externalsecrets.external-secrets.io serves no version v1beta1", CustomResourceSchemas.Violations(external));
    }

    private void Validate(string name, GeneratedOutput output)
    {
        var node = RealTool.Require("node");
        var validator = Path.Combine(OpenApiFolder(), "validate.mjs");
        if (new[] { "external-secrets", "istio", "keda" }.Any(package => !Directory.Exists(Path.Combine(OpenApiFolder(), "node_modules", "@kubernetes-models", package))))
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", ".ci/run installs tests/SidecarGen.Tests/OpenApi's packages");
            Skip.If(true, "run `npm install --prefix tests/SidecarGen.Tests/OpenApi` to validate against the OpenAPI and CRD schemas");
        }

        var files = output.KubernetesObjects.Select(file =>
        {
            var path = Path.Combine(folder, name + "-" + Path.GetFileName(file.Key));
            File.WriteAllText(path, file.Value);
            return path;
        }).ToList();

        var (exitCode, log) = Processes.Run(node, new[] { validator }.Concat(files));

        Assert.True(exitCode == 0, log);
        Assert.Equal(files.Count, log.Split('\n').Count(line => line.StartsWith("ok ", StringComparison.Ordinal)));
    }

    private static string OpenApiFolder([CallerFilePath] string caller = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(caller))!, "OpenApi");
}
