using SidecarGen.Diagnostics.Analyzers;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Analyzers;

public sealed class PodResourcesAnalyzerTests
{
    [Fact]
    public Task SCG0009_a_port_outside_the_range_is_flagged_on_its_argument() => Verify<PodResourcesAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("svc", {|SCG0009:Port = 70000|})]
        [Sidecar("cache", "redis:7.4.1", Ports = new[] { 6379, {|SCG0009:0|} })]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0003_a_port_taken_by_another_container_is_flagged_on_the_literal() => Verify<PodResourcesAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("svc", Port = 8080)]
        [Sidecar("cache", "redis:7.4.1", Ports = new[] { {|SCG0003:8080|} })]
        [AuthProxySidecar(IssuerUrl = "https://login.example.com", Port = 6379)]
        [Sidecar("db", "postgres:17.2", Ports = new[] { {|SCG0003:6379|} })]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0003_a_fixed_port_of_a_built_in_sidecar_is_flagged_on_the_other_side() => Verify<PodResourcesAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("svc", {|SCG0003:Port = 2020|})]
        [LoggingSidecar]
        public partial class Program { }
        """);

    [Fact]
    public Task Distinct_ports_in_range_are_clean() => Verify<PodResourcesAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("svc", Port = 8080, CpuRequest = "500m", CpuLimit = "1", MemoryRequest = "512Mi", MemoryLimit = "1Gi")]
        [Sidecar("cache", "redis:7.4.1", Ports = new[] { 6379 }, CpuRequest = "100m", CpuLimit = "200m")]
        [AuthProxySidecar(IssuerUrl = "https://login.example.com", Port = 4181)]
        [LoggingSidecar]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0006_quantities_must_parse_and_requests_fit_their_limits() => Verify<PodResourcesAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("svc", {|SCG0006:CpuRequest = "lots"|}, {|SCG0006:MemoryRequest = "2Gi"|}, MemoryLimit = "1Gi")]
        [Sidecar("cache", "redis:7.4.1", Ports = new[] { 6379 }, {|SCG0006:MemoryLimit = "1.5Gb"|})]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0006_the_log_volume_size_must_be_a_positive_quantity() => Verify<PodResourcesAnalyzer>.Analyzer("""
        using SidecarGen;
        [LoggingSidecar({|SCG0006:VolumeSizeLimit = "1GB"|})]
        [LoggingSidecar(Name = "audit", LogPath = "/var/log/audit", {|SCG0006:VolumeSizeLimit = "0"|})]
        [LoggingSidecar(Name = "trace", LogPath = "/var/log/trace", VolumeSizeLimit = "256Mi")]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0010_sidecars_that_request_more_than_the_app_are_flagged_on_the_apps_request() => Verify<PodResourcesAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("svc", {|SCG0010:CpuRequest = "50m"|})]
        [LoggingSidecar]
        [AuthProxySidecar(IssuerUrl = "https://login.example.com")]
        public partial class Program { }
        """);

    [Fact]
    public Task Attributes_on_a_class_that_is_not_the_entry_point_are_not_checked_here() => Verify<PodResourcesAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("svc", Port = 70000)]
        public class Helpers { }
        """);
}
