using SidecarGen.Diagnostics.Analyzers;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Analyzers;

/// <summary>The rules a mesh provider brings: SCG0020, SCG0021, SCG0022, and the injected proxy in SCG0003 and SCG0010.</summary>
public sealed class MeshAnalyzerTests
{
    [Fact]
    public Task SCG0020_envoy_only_settings_under_istio_are_flagged_on_their_arguments() => Verify<MeshAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("svc")]
        [ServiceMeshSidecar(Mesh = MeshProvider.Istio, {|SCG0020:InboundPort = 15101|}, {|SCG0020:TlsSecretName = "svc-tls"|}, {|SCG0020:CertificateIssuer = "mesh-ca"|}, {|SCG0020:Image = "envoyproxy/envoy:v1.31.2"|}, Retries = 2, CpuRequest = "100m")]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0020_linkerd_has_no_connection_limits() => Verify<MeshAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("svc")]
        [ServiceMeshSidecar(Mesh = MeshProvider.Linkerd, {|SCG0020:MaxConnections = 100|}, {|SCG0020:MaxPendingRequests = 10|}, TimeoutSeconds = 5)]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0020_the_same_settings_are_clean_with_envoy() => Verify<MeshAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("svc")]
        [ServiceMeshSidecar(InboundPort = 15101, TlsSecretName = "svc-tls", MaxConnections = 100, Upstreams = new[] { "fx=fx.example.com:443" })]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0020_behind_a_tls_terminator_the_mesh_cannot_retry_or_time_out() => Verify<MeshAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("svc")]
        [ServiceMeshSidecar({|SCG0020:Mesh = MeshProvider.Linkerd|}, Mtls = false)]
        [TlsTerminationSidecar]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0021_an_upstream_outside_the_cluster_is_flagged_on_its_item() => Verify<MeshAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("svc")]
        [ServiceMeshSidecar(Mesh = MeshProvider.Istio, Upstreams = new[] { "ledger=ledger.finance.svc.cluster.local:8080", "search=search:9200", {|SCG0021:"fx=fx.example.com:443"|} })]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0022_the_entry_sidecars_probe_under_istio_strict_mtls() => Verify<MeshAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("svc")]
        [ServiceMeshSidecar({|SCG0020:Mesh = MeshProvider.Istio|}, {|SCG0022:Mtls = true|})]
        [TlsTerminationSidecar]
        [AuthProxySidecar(IssuerUrl = "https://login.example.com")]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0022_the_entry_tls_terminators_probe_under_linkerd_all_authenticated() => Verify<MeshAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("svc")]
        [ServiceMeshSidecar({|SCG0020:Mesh = MeshProvider.Linkerd|}, {|SCG0022:Mtls = true|})]
        [TlsTerminationSidecar]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0022_the_entry_auth_proxys_probe_under_linkerd_all_authenticated() => Verify<MeshAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("svc")]
        [ServiceMeshSidecar(Mesh = MeshProvider.Linkerd, {|SCG0022:Mtls = true|})]
        [AuthProxySidecar(IssuerUrl = "https://login.example.com")]
        public partial class Program { }
        """);

    [Theory]
    [InlineData("Istio")]
    [InlineData("Linkerd")]
    public Task SCG0022_not_when_the_app_is_the_entry_or_without_mtls(string mesh) => Verify<MeshAnalyzer>.Analyzer($$"""
        using SidecarGen;
        [SidecarService("svc")]
        [ServiceMeshSidecar(Mesh = MeshProvider.{{mesh}}, Mtls = false)]
        [AuthProxySidecar(IssuerUrl = "https://login.example.com")]
        [LoggingSidecar]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0003_the_injected_proxys_ports_are_taken() => Verify<PodResourcesAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("svc", {|SCG0003:Port = 15006|})]
        [ServiceMeshSidecar(Mesh = MeshProvider.Istio)]
        [MetricsSidecar({|SCG0003:ScrapePort = 15090|})]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0003_linkerds_ports_are_taken_and_envoys_are_free() => Verify<PodResourcesAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("svc", Port = 15001)]
        [ServiceMeshSidecar(Mesh = MeshProvider.Linkerd)]
        [Sidecar("cache", "redis:7.4.1", Ports = new[] { {|SCG0003:4191|} })]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0010_the_injected_proxys_requests_count_when_set() => Verify<PodResourcesAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("svc", {|SCG0010:CpuRequest = "100m"|})]
        [ServiceMeshSidecar(Mesh = MeshProvider.Istio, CpuRequest = "60m")]
        [LoggingSidecar]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0010_an_injected_proxy_without_resources_counts_nothing() => Verify<PodResourcesAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("svc", CpuRequest = "60m", MemoryRequest = "64Mi")]
        [ServiceMeshSidecar(Mesh = MeshProvider.Linkerd)]
        [LoggingSidecar]
        public partial class Program { }
        """);
}
