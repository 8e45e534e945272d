using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SidecarGen.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="SidecarGenerator"/> on C# source, with SidecarGen.Abstractions referenced and the
/// MSBuild properties given, and hands back the files the MSBuild task would write.
/// </summary>
internal static class GeneratorHarness
{
    public static readonly ImmutableArray<MetadataReference> References = LoadReferences();

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "OrderService",
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: $"Source{index}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(IDictionary<string, string>? properties = null, bool trackSteps = true) =>
        CSharpGeneratorDriver.Create(
            new[] { new SidecarGenerator().AsSourceGenerator() },
            parseOptions: CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest),
            optionsProvider: new BuildProperties(properties ?? new Dictionary<string, string>()),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    public static GeneratedOutput Run(string source, IDictionary<string, string>? properties = null) => Run(Compile(source), properties);

    public static GeneratedOutput Run(CSharpCompilation compilation, IDictionary<string, string>? properties = null)
    {
        var driver = Driver(properties).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult();
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0 || generatorDiagnostics.Length > 0 || result.Results.Any(r => r.Exception is not null))
        {
            throw new InvalidOperationException("Compilation failed:\n" + string.Join("\n", errors.Concat(generatorDiagnostics)) + string.Join("\n", result.Results.Select(r => r.Exception)));
        }

        return GeneratedOutput.From(result.GeneratedTrees);
    }

    /// <summary>The text of the source the generator adds under <paramref name="hintName"/> (default: the manifests).</summary>
    public static string GeneratedSource(string source, string hintName = "SidecarGen.Manifests.g.cs") =>
        Driver().RunGenerators(Compile(source)).GetRunResult().GeneratedTrees.Single(tree => tree.FilePath.EndsWith(hintName, StringComparison.Ordinal)).ToString();

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(SidecarServiceAttribute).Assembly.Location))
            .ToImmutableArray();
    }

    /// <summary>The compiler-visible MSBuild properties, as <c>build_property.*</c> global options.</summary>
    private sealed class BuildProperties(IDictionary<string, string> properties) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options(IDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(new Dictionary<string, string>());

            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
