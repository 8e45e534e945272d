using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Generator;

/// <summary>
/// Generated files compared with their reviewed snapshots: every file of representative services,
/// of each sidecar kind alone and of all of them together, and the config file of each renderer
/// variant the kind cases leave out.
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public void Order_service() => Snapshots.Match("order-service", GeneratorHarness.Run(Sources.OrderService).Files);

    [Fact]
    public void Defaults_only() =>
        Snapshots.Match("defaults", GeneratorHarness.Run(Sources.Program("LoggingSidecar"), new Dictionary<string, string> { ["AssemblyName"] = "Inventory", ["Version"] = "0.3.0" }).Files);

    [Fact]
    public void Custom_sidecar_on_kubernetes_1_28() =>
        Snapshots.Match(
            "custom-sidecar-k8s-1.28",
            GeneratorHarness.Run(
                Sources.Program(
                    "SidecarService(\"catalog\", Replicas = 1)",
                    "Sidecar(\"redis-cache\", \"redis:7.4.1\", Ports = new[] { 6379 }, Args = new[] { \"--save\", \"\" }, Env = new[] { \"REDIS_ARGS=--maxmemory 64mb\" }, MemoryLimit = \"96Mi\")"),
                new Dictionary<string, string> { ["SidecarGenKubernetesVersion"] = "1.28", ["SidecarGenNamespace"] = "shop" }).Files);

    /// <summary>
    /// Snapshot case and sidecar declarations of each config renderer variant beyond the kind cases,
    /// which already hold Fluent Bit to stdout, the etcd watch script, Envoy with mTLS and upstreams,
    /// nginx alone and the collector. <c>config-nginx-chain</c> puts nginx between the mesh and the
    /// auth proxy, so both its own port and the port it forwards to move.
    /// </summary>
    public static TheoryData<string, string[]> ConfigRenderers => new()
    {
        { "config-fluent-bit-elasticsearch", ["LoggingSidecar(Output = LogOutput.Elasticsearch, Endpoint = \"https://es.example.com:9243\")"] },
        { "config-fluent-bit-splunk", ["LoggingSidecar(Output = LogOutput.Splunk, Endpoint = \"https://splunk.example.com:8088\")"] },
        { "config-fluent-bit-loki", ["LoggingSidecar(Output = LogOutput.Loki, Endpoint = \"http://loki.monitoring:3100\")"] },
        { "config-fluentd", ["LoggingSidecar(Agent = LogAgent.Fluentd)"] },
        { "config-filebeat", ["LoggingSidecar(Agent = LogAgent.Filebeat)"] },
        { "config-filebeat-elasticsearch", ["LoggingSidecar(Agent = LogAgent.Filebeat, Output = LogOutput.Elasticsearch, Endpoint = \"https://es.example.com:9243\")"] },
        { "config-consul-template", ["ConfigWatcherSidecar"] },
        { "config-consul-template-https", ["ConfigWatcherSidecar(Address = \"https://consul.example.com:8501\", Key = \"shop/payments\")"] },
        { "config-envoy-no-mtls", ["ServiceMeshSidecar(Mtls = false)"] },
        { "config-envoy-no-mtls-upstreams", ["ServiceMeshSidecar(Mtls = false, Upstreams = new[] { \"ledger=ledger.finance.svc.cluster.local:8080\", \"fx=fx.example.com:443\" })"] },
        { "config-nginx-chain", ["TlsTerminationSidecar", SidecarDeclarations.Each["auth-proxy"], "ServiceMeshSidecar"] },
    };

    /// <summary>A gRPC app alone (the kubelet's gRPC probe) and behind nginx and Envoy (both speak HTTP/2 to it).</summary>
    [Theory]
    [InlineData("protocol-grpc")]
    [InlineData("protocol-grpc-tls-mesh")]
    public void Protocols(string name) => Snapshots.Match(
        name,
        GeneratorHarness.Run(name == "protocol-grpc" ? ProtocolTests.Greeter("Grpc") : ProtocolTests.Greeter("Grpc", "TlsTerminationSidecar", "ServiceMeshSidecar")).Files);

    [Theory]
    [MemberData(nameof(AllSidecarsTests.Kinds), MemberType = typeof(AllSidecarsTests))]
    public void Each_sidecar_kind_alone(string kind) =>
        Snapshots.Match("kind-" + kind, GeneratorHarness.Run(SidecarDeclarations.Service(SidecarDeclarations.Each[kind])).Files);

    /// <summary>Every cluster add-on on: a Gateway, PodMonitor and ClusterSecretStore; an Ingress, ServiceMonitor and SecretStore.</summary>
    [Theory]
    [MemberData(nameof(AddOnServices.Variants), MemberType = typeof(AddOnServices))]
    public void Cluster_add_ons(string variant) =>
        Snapshots.Match("addons-" + variant.ToLowerInvariant(), GeneratorHarness.Run(AddOnServices.Source, AddOnServices.Properties(variant)).Files);

    /// <summary>Autoscaled services: every file of the representative cases, the autoscaler alone of the others.</summary>
    [Theory]
    [MemberData(nameof(AutoscaledServices.Names), MemberType = typeof(AutoscaledServices))]
    public void Autoscaled_services(string name)
    {
        var files = AutoscaledServices.Run(name).Files;
        Snapshots.Match(
            "autoscale-" + name,
            name is "hpa" or "keda" ? files : files.Where(file => file.Key.EndsWith("horizontalpodautoscaler.yaml", StringComparison.Ordinal) || file.Key.EndsWith("scaledobject.yaml", StringComparison.Ordinal)).ToDictionary());
    }

    [Fact]
    public void All_sidecars_together() => Snapshots.Match("all-sidecars", GeneratorHarness.Run(SidecarDeclarations.All()).Files);

    public static TheoryData<string> Meshes => new(SidecarDeclarations.Meshes.Keys);

    [Theory]
    [MemberData(nameof(Meshes))]
    public void Each_mesh_provider_alone(string mesh) =>
        Snapshots.Match("mesh-" + mesh, GeneratorHarness.Run(SidecarDeclarations.Service(SidecarDeclarations.Meshes[mesh])).Files);

    [Theory]
    [MemberData(nameof(Meshes))]
    public void Each_mesh_provider_with_all_sidecars(string mesh) =>
        Snapshots.Match("all-sidecars-" + mesh, GeneratorHarness.Run(SidecarDeclarations.AllWith(mesh)).Files);

    [Theory]
    [MemberData(nameof(ConfigRenderers))]
    public void Config_files_of_each_renderer(string snapshotCase, string[] sidecars) =>
        Snapshots.Match(
            snapshotCase,
            GeneratorHarness.Run(SidecarDeclarations.Service(sidecars)).Files
                .Where(file => file.Key.StartsWith("compose/config/", StringComparison.Ordinal))
                .ToDictionary());
}
