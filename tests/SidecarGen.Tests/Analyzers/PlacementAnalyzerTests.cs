using SidecarGen.Diagnostics.Analyzers;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Analyzers;

public sealed class PlacementAnalyzerTests
{
    [Fact]
    public Task SCG0008_sidecar_attributes_off_the_entry_point_are_flagged() => Verify<PlacementAnalyzer>.Analyzer("""
        using SidecarGen;
        [{|SCG0008:LoggingSidecar|}]
        [{|SCG0008:Sidecar("cache", "redis:7.4.1")|}]
        public class Helpers { }

        public partial class Program { }
        """);

    [Fact]
    public Task A_class_with_a_static_main_is_an_entry_point() => Verify<PlacementAnalyzer>.Analyzer("""
        using SidecarGen;
        [LoggingSidecar]
        public class Startup { public static void Main() { } }
        """);

    [Fact]
    public Task SCG0015_a_second_sidecar_service_is_flagged() => Verify<PlacementAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("first")]
        public partial class Program { }

        [{|SCG0008:{|SCG0015:SidecarService("second")|}|}]
        public class Other { }
        """);
}
