using SidecarGen.Diagnostics.Analyzers;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Analyzers;

/// <summary>The rules a mesh provider brings: SCG0020, SCG0021, SCG0022, SCG0040, and the injected proxy in SCG0003 and SCG0010.</summary>
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

    /// <summary>Istio before 1.22 serves no v1 networking API (istio/api v1.21.0); Linkerd before stable 2.16 reads no retry or timeout annotation (linkerd2 version-2.15).</summary>
    [Theory]
    [InlineData("Istio", "SidecarGenIstioVersion", "1.21.5")]
    [InlineData("Istio", "SidecarGenIstioVersion", "v1.20")]
    [InlineData("Linkerd", "SidecarGenLinkerdVersion", "2.15")]
    [InlineData("Linkerd", "SidecarGenLinkerdVersion", "stable-2.14.10")]
    [InlineData("Linkerd", "SidecarGenLinkerdVersion", "enterprise-2.15.7")]
    [InlineData("Linkerd", "SidecarGenLinkerdVersion", "edge-24.8.1")]
    [InlineData("Linkerd", "SidecarGenLinkerdVersion", "edge-24.5.5")]
    [InlineData("Istio", "SidecarGenIstioVersion", "latest")]
    [InlineData("Linkerd", "SidecarGenLinkerdVersion", "2")]
    public Task SCG0040_a_mesh_version_below_the_supported_range_or_not_a_version_is_flagged_at_the_mesh(string mesh, string property, string version) => Verify<MeshAnalyzer>.Analyzer(
        $$"""
        using SidecarGen;
        [SidecarService("svc")]
        [ServiceMeshSidecar({|SCG0040:Mesh = MeshProvider.{{mesh}}|})]
        public partial class Program { }
        """,
        (property, version));

    /// <summary>Unset means any supported version; the other mesh's property says nothing about this one.</summary>
    [Theory]
    [InlineData("Istio", "SidecarGenIstioVersion", "1.22")]
    [InlineData("Istio", "SidecarGenIstioVersion", "1.30.3")]
    [InlineData("Istio", "SidecarGenIstioVersion", "v1.24.0")]
    [InlineData("Istio", "SidecarGenLinkerdVersion", "2.10")]
    [InlineData("Linkerd", "SidecarGenLinkerdVersion", "2.16")]
    [InlineData("Linkerd", "SidecarGenLinkerdVersion", "stable-2.18.3")]
    [InlineData("Linkerd", "SidecarGenLinkerdVersion", "enterprise-2.17.1")]
    [InlineData("Linkerd", "SidecarGenLinkerdVersion", "edge-24.8.2")]
    [InlineData("Linkerd", "SidecarGenLinkerdVersion", "edge-26.8.3")]
    [InlineData("Linkerd", "SidecarGenIstioVersion", "1.10")]
    [InlineData("Envoy", "SidecarGenIstioVersion", "1.10")]
    public Task SCG0040_is_silent_for_a_supported_version_and_for_another_mesh(string mesh, string property, string version) => Verify<MeshAnalyzer>.Analyzer(
        $$"""
        using SidecarGen;
        [SidecarService("svc")]
        [ServiceMeshSidecar(Mesh = MeshProvider.{{mesh}})]
        public partial class Program { }
        """,
        (property, version));
}
