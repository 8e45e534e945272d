using SidecarGen.Diagnostics.Analyzers;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Analyzers;

public sealed class ConcernAnalyzerTests
{
    [Fact]
    public Task SCG0001_several_concern_flags_are_flagged_on_the_argument() => Verify<ConcernAnalyzer>.Analyzer("""
        using SidecarGen;
        [Sidecar("proxy", "envoyproxy/envoy:v1.31.2", {|SCG0001:Concerns = SidecarConcerns.Metrics | SidecarConcerns.TrafficManagement|})]
        [LoggingSidecar({|SCG0001:Concerns = SidecarConcerns.Authentication|})]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0001_a_derived_sidecar_with_several_declared_concerns_is_flagged_where_used() => Verify<ConcernAnalyzer>.Analyzer("""
        using SidecarGen;

        [SidecarConcern(SidecarConcerns.Logging)]
        [SidecarConcern(SidecarConcerns.Metrics)]
        public sealed class TelemetrySidecarAttribute : SidecarAttribute
        {
            public TelemetrySidecarAttribute() : base("telemetry", "otel/opentelemetry-collector:0.114.0") { }
        }

        [{|SCG0001:TelemetrySidecar|}]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0004_two_sidecars_with_one_concern_are_flagged_on_the_second() => Verify<ConcernAnalyzer>.Analyzer("""
        using SidecarGen;
        [LoggingSidecar]
        [{|SCG0004:Sidecar("shipper", "timberio/vector:0.42.0-distroless-libc", Concerns = SidecarConcerns.Logging)|}]
        public partial class Program { }
        """);

    [Fact]
    public Task One_concern_per_sidecar_is_clean() => Verify<ConcernAnalyzer>.Analyzer("""
        using SidecarGen;

        [SidecarConcern(SidecarConcerns.Metrics)]
        public sealed class StatsdSidecarAttribute : SidecarAttribute
        {
            public StatsdSidecarAttribute() : base("statsd", "prom/statsd-exporter:v0.28.0") { }
        }

        [LoggingSidecar]
        [AuthProxySidecar(IssuerUrl = "https://login.example.com")]
        [StatsdSidecar]
        [Sidecar("cache", "redis:7.4.1", Concerns = SidecarConcerns.TrafficManagement)]
        public partial class Program { }
        """);
}
