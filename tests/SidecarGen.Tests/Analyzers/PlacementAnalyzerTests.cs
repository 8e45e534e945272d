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
    public Task An_application_entry_point_other_than_program_is_the_entry_point() => Verify<PlacementAnalyzer>.Application("""
        using SidecarGen;
        [LoggingSidecar]
        public class Startup { public static void Main() { } }
        """);

    [Fact]
    public Task SCG0008_in_a_library_a_static_main_is_no_entry_point() => Verify<PlacementAnalyzer>.Analyzer("""
        using SidecarGen;
        [{|SCG0008:LoggingSidecar|}]
        public class Startup { public static void Main() { } }
        """);

    [Fact]
    public Task SCG0008_program_in_the_root_namespace_is_the_entry_point_and_another_class_is_not() => Verify<PlacementAnalyzer>.Analyzer(
        """
        using SidecarGen;
        namespace Orders.Api
        {
            [LoggingSidecar]
            public class Program { }

            [{|SCG0008:MetricsSidecar|}]
            public class Worker { }
        }
        """,
        ("RootNamespace", "Orders.Api"));

    [Fact]
    public Task SCG0008_program_outside_the_global_namespace_is_not_the_one_top_level_statements_run() => Verify<PlacementAnalyzer>.Application("""
        using SidecarGen;
        System.Console.WriteLine("top-level statements live in the global Program");

        namespace Orders
        {
            [{|SCG0008:LoggingSidecar|}]
            public partial class Program;
        }
        """);

    [Fact]
    public Task A_users_own_sidecar_attribute_on_program_is_in_place() => Verify<PlacementAnalyzer>.Analyzer("""
        using SidecarGen;
        [RedisCacheSidecar]
        public partial class Program { }

        [SidecarConcern(SidecarConcerns.TrafficManagement)]
        public sealed class RedisCacheSidecarAttribute : SidecarAttribute
        {
            public RedisCacheSidecarAttribute() : base("redis-cache", "redis:7.4.1") { }
        }
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
