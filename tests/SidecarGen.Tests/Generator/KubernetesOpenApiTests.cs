using System.Runtime.CompilerServices;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Generator;

/// <summary>
/// Every generated Kubernetes object validated against the JSON schemas generated from the
/// Kubernetes OpenAPI spec and, for Istio's kinds, from Istio's CRDs (the npm packages
/// kubernetes-models and @kubernetes-models/istio, run by OpenApi/validate.mjs; .ci/run installs
/// them): types, required fields and enums, beyond what a strict read-back checks; for the CRDs
/// also no field the API server's strict field validation would reject.
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
    };

    [SkippableTheory]
    [MemberData(nameof(Services))]
    public void Every_object_matches_the_kubernetes_openapi_schema(string name, string source)
    {
        var (node, validator) = Validator();

        foreach (var kubernetesVersion in new[] { "1.33", "1.28" })
        {
            var output = GeneratorHarness.Run(source, new Dictionary<string, string> { ["SidecarGenKubernetesVersion"] = kubernetesVersion });
            var files = output.KubernetesObjects.Select(file =>
            {
                var path = Path.Combine(folder, name + "-" + kubernetesVersion + "-" + Path.GetFileName(file.Key));
                File.WriteAllText(path, file.Value);
                return path;
            }).ToList();

            var (exitCode, log) = Processes.Run(node, new[] { validator }.Concat(files));

            Assert.True(exitCode == 0, log);
            Assert.Equal(files.Count, log.Split('\n').Count(line => line.StartsWith("ok ", StringComparison.Ordinal)));
        }
    }

    [SkippableFact]
    public void The_crd_check_rejects_a_field_istio_does_not_know()
    {
        var (node, validator) = Validator();
        var path = Path.Combine(folder, "unknown-field.yaml");
        File.WriteAllText(path, "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: x\nspec:\n  host: x\n  trafficPolicy:\n    connectionPool:\n      http:\n        maxRetrys: 3\n");

        var (exitCode, log) = Processes.Run(node, new[] { validator, path });

        Assert.Equal(1, exitCode);
        Assert.Contains("/spec/trafficPolicy/connectionPool/http/maxRetrys", log);
    }

    private static (string Node, string Validator) Validator()
    {
        var node = RealTool.Require("node");
        foreach (var package in new[] { "kubernetes-models", Path.Combine("@kubernetes-models", "istio") })
        {
            if (!Directory.Exists(Path.Combine(OpenApiFolder(), "node_modules", package)))
            {
                Assert.False(Environment.GetEnvironmentVariable("CI") == "true", ".ci/run installs tests/SidecarGen.Tests/OpenApi's packages");
                Skip.If(true, "run `npm install --prefix tests/SidecarGen.Tests/OpenApi` to validate against the OpenAPI and CRD schemas");
            }
        }

        return (node, Path.Combine(OpenApiFolder(), "validate.mjs"));
    }

    private static string OpenApiFolder([CallerFilePath] string caller = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(caller))!, "OpenApi");
}
