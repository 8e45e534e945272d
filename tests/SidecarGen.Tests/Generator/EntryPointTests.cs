using Microsoft.CodeAnalysis;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Generator;

/// <summary>
/// Which class the generator reads: the entry point, found as StartupObject, else Program in the global
/// or the root namespace, else the compiler's entry point. Every SidecarGen attribute on it counts,
/// a user's own sidecar attributes included.
/// </summary>
public sealed class EntryPointTests
{
    private const string Service = """
        [SidecarService("orders", Image = "registry.example.com/orders:1.0.0")]
        [LoggingSidecar]
        """;

    [Fact]
    public void A_program_with_only_a_custom_sidecar_is_a_service()
    {
        var output = GeneratorHarness.Run("using SidecarGen;\n\n" + SidecarDeclarations.CustomSidecarClass + "[RedisCacheSidecar]\npublic partial class Program;\n");

        Assert.Equal("Generated", output.Status);
        var sidecar = KubernetesObjects.Deployment(output).Spec.Template.Spec.InitContainers.Single();
        Assert.Equal(("redis-cache", "redis:7.4.1"), (sidecar.Name, sidecar.Image));
    }

    [Fact]
    public void Program_in_the_root_namespace_is_the_classic_template()
    {
        var source = $$"""
            using SidecarGen;

            namespace Orders.Api
            {
                {{Service}}
                public class Program { public static void Main() { } }
            }
            """;

        Assert.Equal("Generated", GeneratorHarness.Run(source, new Dictionary<string, string> { ["RootNamespace"] = "Orders.Api" }).Status);
        Assert.Null(GeneratorHarness.Run(source, new Dictionary<string, string> { ["RootNamespace"] = "Orders" }).Status);
    }

    [Fact]
    public void Any_other_entry_point_of_an_application_is_found_through_the_compiler()
    {
        var compilation = GeneratorHarness.Compile($$"""
            using SidecarGen;

            namespace Acme.Hosting;

            {{Service}}
            public static class Launcher { public static void Main() { } }
            """);

        Assert.Null(GeneratorHarness.Run(compilation).Status);
        Assert.Equal("Generated", GeneratorHarness.Run(compilation.WithOptions(compilation.Options.WithOutputKind(OutputKind.ConsoleApplication))).Status);
    }

    [Fact]
    public void StartupObject_names_the_class()
    {
        var compilation = GeneratorHarness.Compile($$"""
            using SidecarGen;

            public partial class Program { public static void Main() { } }

            namespace Acme
            {
                {{Service}}
                public static class Host { public static void Main() { } }
            }
            """);

        var application = compilation.Options.WithOutputKind(OutputKind.ConsoleApplication);
        Assert.Equal("Generated", GeneratorHarness.Run(compilation.WithOptions(application.WithMainTypeName("Acme.Host"))).Status);
        Assert.Null(GeneratorHarness.Run(compilation.WithOptions(application.WithMainTypeName("Program"))).Status);
    }

    [Fact]
    public void A_program_in_another_namespace_is_not_the_one_top_level_statements_run()
    {
        var compilation = GeneratorHarness.Compile($$"""
            using SidecarGen;

            System.Console.WriteLine("top-level statements live in the global Program");

            namespace Orders
            {
                {{Service}}
                public partial class Program;
            }
            """);

        Assert.Null(GeneratorHarness.Run(compilation.WithOptions(compilation.Options.WithOutputKind(OutputKind.ConsoleApplication))).Status);
    }
}
