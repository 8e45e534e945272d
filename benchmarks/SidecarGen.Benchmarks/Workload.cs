using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SidecarGen.Benchmarks;

/// <summary>
/// A compilation the size of a real service: Program with the product's example sidecars, plus
/// ordinary classes up to the requested number of files, and the edits the benchmarks replay.
/// </summary>
internal sealed class Workload
{
    public const string Program = """
        using SidecarGen;

        [SidecarService("order-service", Image = "registry.example.com/order-service:1.4.2", Port = 8080)]
        [LoggingSidecar(LogPath = "/var/log/app")]
        [AuthProxySidecar(IssuerUrl = "https://login.example.com/realms/shop", SecretName = "order-auth")]
        [MetricsSidecar]
        public partial class Program { }
        """;

    private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    public Workload(int files)
    {
        var trees = new List<SyntaxTree> { Parse(Program, "Program.cs") };
        trees.AddRange(Enumerable.Range(1, files - 1).Select(i => Parse(Filler(i, 0), $"Filler{i}.cs")));
        Compilation = CSharpCompilation.Create(
            "OrderService",
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        // An edit to an ordinary file (or to Program's body when it is the only file), and an edit to a sidecar attribute.
        UnrelatedEdit = files > 1
            ? Compilation.ReplaceSyntaxTree(trees[1], Parse(Filler(1, 1), "Filler1.cs"))
            : Compilation.ReplaceSyntaxTree(trees[0], Parse(Program.Replace("{ }", "{ static int Answer() => 42; }"), "Program.cs"));
        AttributeEdit = Compilation.ReplaceSyntaxTree(trees[0], Parse(Program.Replace("Port = 8080)", "Port = 8080, Replicas = 3)"), "Program.cs"));
    }

    public CSharpCompilation Compilation { get; }

    public Compilation UnrelatedEdit { get; }

    public Compilation AttributeEdit { get; }

    public static ImmutableArray<MetadataReference> References { get; } =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(SidecarServiceAttribute).Assembly.Location))
            .ToImmutableArray();

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
