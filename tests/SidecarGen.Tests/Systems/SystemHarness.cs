using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SidecarGen.Diagnostics.Analyzers;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Systems;

/// <summary>
/// A system as its build sees it: each service compiled with <see cref="SidecarGenerator"/> alone, its
/// embedded description taken from the generated source exactly as the MSBuild task takes it from the
/// assembly, and the descriptions handed to the system's compilation as additional files with the
/// project metadata the targets set.
/// </summary>
internal static class SystemHarness
{
    public const string ProjectMetadata = "build_metadata.AdditionalFiles.SidecarGenServiceProject";

    /// <summary>One service: its project name (also its assembly name and folder) and its Program.cs.</summary>
    public sealed record Service(string Project, string Source)
    {
        public string ProgramPath => $"/src/{Project}/Program.cs";

        public string ProjectPath => $"/src/{Project}/{Project}.csproj";
    }

    /// <summary>The description a service's own build embeds.</summary>
    public static string Description(Service service)
    {
        var compilation = CSharpCompilation.Create(
            service.Project,
            new[] { CSharpSyntaxTree.ParseText(service.Source, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: service.ProgramPath) },
            GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = GeneratorHarness.Driver(new Dictionary<string, string> { ["AssemblyName"] = service.Project, ["Version"] = "1.0.0" });
        var tree = driver.RunGenerators(compilation).GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("SidecarGen.Service.g.cs", StringComparison.Ordinal));
        return tree.GetRoot().DescendantNodes().OfType<AttributeSyntax>()
            .Select(attribute => attribute.ArgumentList!.Arguments.Select(argument => (string)((LiteralExpressionSyntax)argument.Expression).Token.Value!).ToArray())
            .Single(arguments => arguments[0] == "SidecarGen.Service")[1];
    }

    /// <param name="description">The description a service's assembly carries; default: what <see cref="Description"/> gives.</param>
    public static SystemInputs Inputs(IEnumerable<Service> services, IDictionary<string, string>? properties = null, string system = "shop", Func<Service, string>? description = null)
    {
        var files = services.Select((service, index) => (File: (AdditionalText)new InMemoryText($"/system/obj/sidecargen/services/{index:D3}-{service.Project}.yaml", (description ?? Description)(service)), service.ProjectPath)).ToList();

        // The services' Program.cs files, which the system's build adds too, for the findings' locations.
        var sources = services.DistinctBy(service => service.ProgramPath).Select(service => (AdditionalText)new InMemoryText(service.ProgramPath, service.Source));
        var global = new Dictionary<string, string>(properties ?? new Dictionary<string, string>()) { ["SidecarGenSystem"] = system };
        var options = new Options(
            global.ToDictionary(p => "build_property." + p.Key, p => p.Value),
            files.ToDictionary(f => f.File.Path, f => f.ProjectPath));
        var compilation = CSharpCompilation.Create(
            "Shop",
            new[] { CSharpSyntaxTree.ParseText("namespace Shop; internal static class Placeholder { }", path: "/system/Placeholder.cs") },
            GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return new SystemInputs(compilation, files.Select(f => f.File).Concat(sources).ToImmutableArray(), options);
    }

    public static GeneratorDriver Driver(SystemInputs inputs, bool trackSteps = true) =>
        CSharpGeneratorDriver.Create(
            new[] { new SystemGenerator().AsSourceGenerator() },
            inputs.Files,
            CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest),
            inputs.Options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>The files the system's build writes.</summary>
    public static GeneratedOutput Run(IEnumerable<Service> services, IDictionary<string, string>? properties = null)
    {
        var inputs = Inputs(services, properties);
        var result = Driver(inputs).RunGenerators(inputs.Compilation).GetRunResult();
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        return GeneratedOutput.From(result.GeneratedTrees);
    }

    /// <summary>What the system's build reports: every analyzer of SidecarGen on the system's compilation.</summary>
    public static async Task<ImmutableArray<Diagnostic>> Analyze(IEnumerable<Service> services, Func<Service, string>? description = null, IDictionary<string, string>? properties = null)
    {
        var inputs = Inputs(services, properties, description: description);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SystemAnalyzer());
        return await inputs.Compilation
            .WithAnalyzers(analyzers, new AnalyzerOptions(inputs.Files, inputs.Options))
            .GetAnalyzerDiagnosticsAsync();
    }

    internal sealed record SystemInputs(CSharpCompilation Compilation, ImmutableArray<AdditionalText> Files, AnalyzerConfigOptionsProvider Options);

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class Options(IDictionary<string, string> global, IDictionary<string, string> projects) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Values.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            projects.TryGetValue(textFile.Path, out var project) ? new Values(new Dictionary<string, string> { [ProjectMetadata] = project }) : Values.Empty;

        private sealed class Values(IDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Values Empty = new(new Dictionary<string, string>());

            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
