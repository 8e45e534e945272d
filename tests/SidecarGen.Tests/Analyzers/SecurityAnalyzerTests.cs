using SidecarGen.Diagnostics.Analyzers;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Analyzers;

public sealed class SecurityAnalyzerTests
{
    [Fact]
    public Task SCG0005_images_without_a_version_are_flagged() => Verify<SecurityAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("svc", {|SCG0005:Image = "registry.example.com/svc"|})]
        [LoggingSidecar({|SCG0005:Image = "fluent/fluent-bit:latest"|})]
        [Sidecar("cache", {|SCG0005:"localhost:5000/redis"|})]
        public partial class Program { }
        """);

    [Fact]
    public Task Tags_and_digests_are_pinned() => Verify<SecurityAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("svc", Image = "localhost:5000/svc:1.2.3")]
        [LoggingSidecar(Image = "fluent/fluent-bit:4.0.3")]
        [Sidecar("cache", "redis@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0011_a_secret_value_in_env_is_flagged_on_its_item() => Verify<SecurityAnalyzer>.Analyzer("""
        using SidecarGen;
        [Sidecar("cache", "redis:7.4.1", Env = new[] { "MODE=cluster", {|SCG0011:"REDIS_PASSWORD=hunter2"|}, {|SCG0011:"api_token=abc"|} })]
        public partial class Program { }
        """);

    [Fact]
    public Task Env_names_without_secret_words_and_empty_values_are_clean() => Verify<SecurityAnalyzer>.Analyzer("""
        using SidecarGen;
        [Sidecar("cache", "redis:7.4.1", Env = new[] { "MODE=cluster", "PASSWORD_FILE_HINT=", "LOG_LEVEL=debug" })]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0012_capabilities_and_root_are_flagged() => Verify<SecurityAnalyzer>.Analyzer("""
        using SidecarGen;
        [Sidecar("net", "nicolaka/netshoot:v0.13", {|SCG0012:Capabilities = new[] { "NET_ADMIN" }|}, {|SCG0012:RunAsRoot = true|})]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0013_urls_must_be_absolute_http_and_present_where_required() => Verify<SecurityAnalyzer>.Analyzer("""
        using SidecarGen;
        [{|SCG0013:AuthProxySidecar|}]
        [LoggingSidecar(Output = LogOutput.Loki, {|SCG0013:Endpoint = "loki:3100"|})]
        public partial class Program { }
        """);

    [Fact]
    public Task Absolute_urls_are_clean() => Verify<SecurityAnalyzer>.Analyzer("""
        using SidecarGen;
        [AuthProxySidecar(IssuerUrl = "https://login.example.com/realms/shop")]
        [LoggingSidecar(Output = LogOutput.Loki, Endpoint = "http://loki:3100")]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0013_a_path_splunk_cannot_carry_or_a_query_is_flagged_on_the_endpoint() => Verify<SecurityAnalyzer>.Analyzer("""
        using SidecarGen;
        [LoggingSidecar(Output = LogOutput.Splunk, {|SCG0013:Endpoint = "https://splunk.example.com/hec"|})]
        [LoggingSidecar(Name = "audit", LogPath = "/var/log/audit", Output = LogOutput.Elasticsearch, {|SCG0013:Endpoint = "https://es.example.com/es?pipeline=x"|})]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0013_the_metrics_forward_endpoint_is_an_http_url_without_a_path() => Verify<SecurityAnalyzer>.Analyzer("""
        using SidecarGen;
        [MetricsSidecar({|SCG0013:ForwardEndpoint = "tempo:4317"|})]
        [MetricsSidecar(Name = "traces", ScrapePort = 9464, OtlpPort = 4320, {|SCG0013:ForwardEndpoint = "http://tempo:4317/v1/traces"|})]
        [MetricsSidecar(Name = "clean", ScrapePort = 9465, OtlpPort = 4321, ForwardEndpoint = "https://otlp.example.com:443/")]
        public partial class Program { }
        """);

    [Fact]
    public Task Endpoint_paths_the_outputs_carry_are_clean() => Verify<SecurityAnalyzer>.Analyzer("""
        using SidecarGen;
        [LoggingSidecar(Output = LogOutput.Splunk, Endpoint = "https://splunk.example.com/")]
        [LoggingSidecar(Name = "es", LogPath = "/var/log/es", Output = LogOutput.Elasticsearch, Endpoint = "https://logs.example.com/es")]
        [LoggingSidecar(Name = "loki", LogPath = "/var/log/loki", Output = LogOutput.Loki, Endpoint = "http://gateway/loki/")]
        [LoggingSidecar(Name = "beat", LogPath = "/var/log/beat", Agent = LogAgent.Filebeat, Output = LogOutput.Elasticsearch, Endpoint = "http://es:9200/prefix")]
        public partial class Program { }
        """);

    [Fact]
    public Task Severity_is_configurable_in_editorconfig() => Verify<SecurityAnalyzer>.Analyzer(
        """
        using SidecarGen;
        [LoggingSidecar(Image = "fluent/fluent-bit:latest")]
        [Sidecar("net", "nicolaka/netshoot:v0.13", {|SCG0012:RunAsRoot = true|})]
        public partial class Program { }
        """,
        "dotnet_diagnostic.SCG0005.severity = none\ndotnet_diagnostic.SCG0012.severity = error\n");

    [Fact]
    public Task SCG0013_an_external_service_needs_an_absolute_http_url() => Verify<SecurityAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("webapp", Calls = new[] { "IdentityUrl=identity-api" },
            ExternalServices = new[] { "identity-api=https://identity.example.com:5243", {|SCG0013:"payments"|}, {|SCG0013:"fx=fx.example.com"|}, {|SCG0013:"mail=smtp://mail.example.com"|} })]
        public partial class Program { }
        """);
}
