using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SidecarGen.Benchmarks;

/// <summary>
/// An application the size of a real service: Program.cs with top-level statements and the product's
/// example sidecars, plus ordinary classes up to the requested number of files, and the edits the
/// benchmarks replay.
/// </summary>
internal sealed class Workload
{
    public const string Program = """
        using SidecarGen;

        System.Console.WriteLine("order-service");

        [SidecarService("order-service", Image = "registry.example.com/order-service:1.4.2", Port = 8080)]
        [LoggingSidecar(LogPath = "/var/log/app")]
        [AuthProxySidecar(IssuerUrl = "https://login.example.com/realms/shop", SecretName = "order-auth")]
        [MetricsSidecar]
        public partial class Program;
        """;

    /// <summary>
    /// The same service as an ASP.NET Core app, so the rules that read the app's code (SCG0028-SCG0030)
    /// have routes, listen addresses and calls to read.
    /// </summary>
    public const string WebProgram = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.DependencyInjection;
        using SidecarGen;

        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.ConfigureKestrel(options => options.ListenAnyIP(8080));
        builder.Services.AddHealthChecks();
        builder.Services.AddHttpClient("payments", client => client.BaseAddress = new System.Uri("https+http://payments"));
        var app = builder.Build();
        app.MapHealthChecks("/healthz");
        var orders = app.MapGroup("/orders");
        orders.MapGet("/", () => "[]");
        orders.MapGet("/{id:int}", (int id) => id);
        app.Run();

        [SidecarService("order-service", Image = "registry.example.com/order-service:1.4.2", Port = 8080, Calls = new[] { "payments" })]
        [LoggingSidecar(LogPath = "/var/log/app")]
        [AuthProxySidecar(IssuerUrl = "https://login.example.com/realms/shop", SecretName = "order-auth")]
        [MetricsSidecar]
        public partial class Program;
        """;

    private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    private readonly SyntaxTree program;
    private readonly SyntaxTree unrelated;
    private readonly SyntaxTree unrelatedEdited;
    private readonly SyntaxTree programEdited;

    public Workload(int files, bool web = false)
    {
        program = Parse(web ? WebProgram : Program, "Program.cs");
        var trees = new List<SyntaxTree> { program };
        trees.AddRange(Enumerable.Range(1, files - 1).Select(i => Parse(Filler(i, 0), $"Feature{i}.cs")));
        Compilation = CSharpCompilation.Create("OrderService", trees, web ? WebReferences : References, new CSharpCompilationOptions(OutputKind.ConsoleApplication));

        // An edit to an ordinary file (to Program's statements when it is the only file), and an edit to a sidecar attribute.
        unrelated = files > 1 ? trees[1] : program;
        unrelatedEdited = files > 1 ? Parse(Filler(1, 1), "Feature1.cs") : Parse(Program.Replace("\"order-service\");", "\"order-service v2\");"), "Program.cs");
        programEdited = Parse(Program.Replace("Port = 8080)", "Port = 8080, Replicas = 3)"), "Program.cs");
    }

    public CSharpCompilation Compilation { get; }

    public static ImmutableArray<MetadataReference> References { get; } =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(SidecarServiceAttribute).Assembly.Location))
            .ToImmutableArray();

    /// <summary><see cref="References"/> and ASP.NET Core's shared framework, as a web project compiles against.</summary>
    public static ImmutableArray<MetadataReference> WebReferences { get; } = References.AddRange(
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) || Path.GetFileName(path).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)));

    /// <summary>A driver for the generator as the compiler creates it, before its first run.</summary>
    public static GeneratorDriver Driver(IIncrementalGenerator generator) =>
        CSharpGeneratorDriver.Create(new[] { generator.AsSourceGenerator() }, parseOptions: ParseOptions);

    /// <summary>A driver that has run once on <see cref="Compilation"/>, as after the project was opened.</summary>
    public GeneratorDriver WarmDriver(IIncrementalGenerator generator) => Driver(generator).RunGenerators(Compilation);

    /// <summary>The compilation the IDE or the compiler hands over after an edit to an ordinary file.</summary>
    public Compilation UnrelatedEdit() => Fresh(unrelated, unrelatedEdited);

    /// <summary>The same after an edit to a sidecar attribute's arguments.</summary>
    public Compilation AttributeEdit() => Fresh(program, programEdited);

    /// <summary>
    /// A new compilation object, so nothing bound for an earlier run is reused, as after a real edit.
    /// Its declaration table is merged beforehand: the compiler does that once per compilation and every
    /// later use shares it, so it is not the generator's cost. No symbol is bound.
    /// </summary>
    private Compilation Fresh(SyntaxTree old, SyntaxTree edited)
    {
        var compilation = Compilation.ReplaceSyntaxTree(old, edited);
        compilation.ContainsSymbolsWithName("SidecarGenBenchmarkWarmUp");
        return compilation;
    }

    private static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, ParseOptions, path);

    private static string Filler(int index, int version) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace OrderService.Features{{index % 20}};

        [Obsolete("unrelated attribute")]
        public sealed class Feature{{index}}
        {
            private readonly List<int> values = new();

            public int Version => {{version}};

            public void Add(int value) => values.Add(value * {{index}});

            public int Total() => values.Where(v => v > 0).Sum();

            public override string ToString() => $"Feature{{index}}: {Total()}";
        }
        """;
}
