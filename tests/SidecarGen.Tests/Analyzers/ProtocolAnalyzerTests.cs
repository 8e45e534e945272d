using SidecarGen.Diagnostics.Analyzers;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Analyzers;

/// <summary>SCG0042: a traffic sidecar that cannot forward the app's <c>Protocol</c>; silent for every hop that can.</summary>
public sealed class ProtocolAnalyzerTests
{
    [Theory]
    [InlineData("Http2")]
    [InlineData("Grpc")]
    public Task SCG0042_the_auth_proxy_speaks_no_cleartext_http2(string protocol) => Verify<ProtocolAnalyzer>.Analyzer($$"""
        using SidecarGen;
        [SidecarService("greeter", Protocol = ServiceProtocol.{{protocol}})]
        [{|SCG0042:AuthProxySidecar(IssuerUrl = "https://login.example.com")|}]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0042_nginx_forwards_cleartext_http2_only_as_grpc() => Verify<ProtocolAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("greeter", Protocol = ServiceProtocol.Http2)]
        [{|SCG0042:TlsTerminationSidecar|}]
        [ServiceMeshSidecar]
        public partial class Program { }
        """);

    [Theory]
    [InlineData("Http", "AuthProxySidecar(IssuerUrl = \"https://login.example.com\")")]
    [InlineData("Grpc", "TlsTerminationSidecar")]
    [InlineData("Http2", "ServiceMeshSidecar")]
    [InlineData("Grpc", "ServiceMeshSidecar(Mesh = MeshProvider.Istio)")]
    [InlineData("Http2", "ServiceMeshSidecar(Mesh = MeshProvider.Linkerd)")]
    [InlineData("Http2", "LoggingSidecar")]
    public Task Silent_where_every_hop_carries_the_protocol(string protocol, string sidecar) => Verify<ProtocolAnalyzer>.Analyzer($$"""
        using SidecarGen;
        [SidecarService("greeter", Protocol = ServiceProtocol.{{protocol}})]
        [{{sidecar}}]
        public partial class Program { }
        """);
}
