using SidecarGen.CodeFixes;
using SidecarGen.Diagnostics.Analyzers;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Analyzers;

public sealed class CodeFixTests
{
    [Fact]
    public Task SCG0003_moves_the_port_to_the_next_free_one() => Verify<PodResourcesAnalyzer>.CodeFix<FreePortCodeFix>(
        """
        using SidecarGen;
        [SidecarService("svc", Port = 8080)]
        [Sidecar("cache", "redis:7.4.1", Ports = new[] { {|SCG0003:8080|} })]
        [Sidecar("db", "postgres:17.2", Ports = new[] { 8081 })]
        public partial class Program { }
        """,
        """
        using SidecarGen;
        [SidecarService("svc", Port = 8080)]
        [Sidecar("cache", "redis:7.4.1", Ports = new[] { 8082 })]
        [Sidecar("db", "postgres:17.2", Ports = new[] { 8081 })]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0003_fix_all_moves_every_colliding_port() => Verify<PodResourcesAnalyzer>.CodeFix<FreePortCodeFix>(
        """
        using SidecarGen;
        [SidecarService("svc", Port = 8080)]
        [Sidecar("cache", "redis:7.4.1", Ports = new[] { {|SCG0003:8080|} })]
        [Sidecar("db", "postgres:17.2", Ports = new[] { {|SCG0003:8080|} })]
        public partial class Program { }
        """,
        """
        using SidecarGen;
        [SidecarService("svc", Port = 8080)]
        [Sidecar("cache", "redis:7.4.1", Ports = new[] { 8081 })]
        [Sidecar("db", "postgres:17.2", Ports = new[] { 8082 })]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0005_fix_all_uses_the_default_pinned_images() => Verify<SecurityAnalyzer>.CodeFix<PinImageCodeFix>(
        """
        using SidecarGen;
        [LoggingSidecar({|SCG0005:Image = "fluent/fluent-bit:latest"|})]
        [AuthProxySidecar({|SCG0005:Image = "quay.io/oauth2-proxy/oauth2-proxy"|}, IssuerUrl = "https://login.example.com")]
        public partial class Program { }
        """,
        """
        using SidecarGen;
        [LoggingSidecar]
        [AuthProxySidecar(IssuerUrl = "https://login.example.com")]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0001_splits_a_sidecar_into_one_per_concern() => Verify<ConcernAnalyzer>.CodeFix<SplitConcernsCodeFix>(
        """
        using SidecarGen;
        [Sidecar("telemetry", "otel/opentelemetry-collector:0.114.0", {|SCG0001:Concerns = SidecarConcerns.Logging | SidecarConcerns.Metrics|}, Ports = new[] { 4317 })]
        public partial class Program { }
        """,
        """
        using SidecarGen;
        [Sidecar("telemetry-logging", "otel/opentelemetry-collector:0.114.0", Concerns = SidecarConcerns.Logging, Ports = new[] { 4317 })]
        [Sidecar("telemetry-metrics", "otel/opentelemetry-collector:0.114.0", Concerns = SidecarConcerns.Metrics)]
        public partial class Program { }
        """);
}
