using SidecarGen.Diagnostics.Analyzers;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Analyzers;

public sealed class NamingAnalyzerTests
{
    [Fact]
    public Task SCG0007_names_must_be_dns_labels() => Verify<NamingAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService({|SCG0007:"Order_Service"|})]
        [Sidecar({|SCG0007:"Cache"|}, "redis:7.4.1")]
        [Sidecar({|SCG0007:"a-sidecar-name-that-is-a-valid-label-but-too-long-for-its-volumes"|}, "redis:7.4.1")]
        [AuthProxySidecar(IssuerUrl = "https://login.example.com", {|SCG0007:SecretName = "bad secret"|})]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0007_two_containers_may_not_share_a_name() => Verify<NamingAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("svc")]
        [Sidecar("logging", "vector:0.42.0")]
        [{|SCG0007:LoggingSidecar|}]
        [Sidecar({|SCG0007:"svc"|}, "redis:7.4.1")]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0007_a_sidecar_may_not_take_a_name_of_composes_helpers() => Verify<NamingAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("svc")]
        [Sidecar({|SCG0007:"pod"|}, "redis:7.4.1")]
        [LoggingSidecar({|SCG0007:Name = "secrets"|})]
        [Sidecar({|SCG0007:"variables"|}, "redis:7.4.1", Ports = new[] { 6381 })]
        [Sidecar("pods", "redis:7.4.1", Ports = new[] { 6380 })]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0007_two_secrets_may_not_map_to_one_volume() => Verify<NamingAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("svc")]
        [ServiceMeshSidecar(TlsSecretName = "a.b")]
        [{|SCG0007:TlsTerminationSidecar(TlsSecretName = "a-b")|}]
        public partial class Program { }
        """);

    [Fact]
    public Task Valid_unique_names_are_clean() => Verify<NamingAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("order-service")]
        [Sidecar("cache", "redis:7.4.1")]
        [LoggingSidecar]
        [AuthProxySidecar(IssuerUrl = "https://login.example.com", SecretName = "order.auth")]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0007_a_call_s_key_and_names_must_be_usable() => Verify<NamingAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("webapp",
            Calls = new[] { "IdentityUrl=identity-api", "Catalog:Url=catalog-api", "Ordering.Api:Base_Url=ordering-api",
                {|SCG0007:"Basket Url=basket-api"|}, {|SCG0007:"=webhooks-api"|}, {|SCG0007:"Identity::Url=x-api"|}, {|SCG0007:"1Url=y-api"|},
                {|SCG0007:"StockUrl=Stock"|}, {|SCG0007:"Again=catalog-api"|}, {|SCG0007:"Self=webapp"|} },
            ExternalServices = new[] { "identity-api=https://identity.example.com", {|SCG0007:"Identity=https://identity.example.com"|},
                {|SCG0007:"identity-api=http://other.example.com"|}, {|SCG0007:"webapp=http://webapp.example.com"|} })]
        public partial class Program { }
        """);
}
