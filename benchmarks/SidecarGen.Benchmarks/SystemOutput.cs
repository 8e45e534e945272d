using System.Collections.Immutable;
using Microsoft.Build.Utilities;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SidecarGen.Build;

namespace SidecarGen.Benchmarks;

/// <summary>
/// The compiled assembly of a system project of N services, made in-process the way its build makes it:
/// each service compiled with <see cref="SidecarGenerator"/> into an assembly on disk, their descriptions
/// extracted by <see cref="ExtractServiceDescriptions"/>, and the system compiled with
/// <see cref="SystemGenerator"/>. The services are benchmarks/system-scale.sh's: each with 2-3 sidecars
/// (by i mod 5) and calls to the next service and, from every odd one, the third after it.
/// </summary>
internal static class SystemOutput
{
    private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    /// <summary>Writes the system's assembly into <paramref name="folder"/>; returns its path.</summary>
    public static string Build(string folder, int services)
    {
        var assemblies = Enumerable.Range(1, services).Select(i => ServiceAssembly(folder, i, services)).ToArray();
        var extract = new ExtractServiceDescriptions
        {
            Assemblies = assemblies,
            OutputDirectory = Path.Combine(folder, "system", "obj", "sidecargen", "services"),
            SystemName = "bench",
            BuildEngine = new QuietBuildEngine(),
        };
        if (!extract.Execute())
        {
            throw new InvalidOperationException("the descriptions could not be extracted");
        }

        var descriptions = extract.Descriptions
            .Select(item => (Text: (AdditionalText)new FileText(item.ItemSpec), Project: item.GetMetadata(ExtractServiceDescriptions.ProjectMetadata)))
            .ToList();
        var options = new BuildOptions(
            new Dictionary<string, string> { ["SidecarGenSystem"] = "bench", ["SidecarGenNamespace"] = "bench", ["AssemblyName"] = "BenchSystem" },
            descriptions.ToDictionary(d => d.Text.Path, d => d.Project));
        var driver = CSharpGeneratorDriver.Create(new[] { new SystemGenerator().AsSourceGenerator() }, descriptions.Select(d => d.Text), ParseOptions, options);
        return Emit(folder, "system", "BenchSystem", "namespace BenchSystem; internal static class Placeholder { }", driver);
    }

    /// <summary>svc<paramref name="i"/>'s assembly, as its own build compiles it (obj/), with the item metadata a ProjectReference gives it.</summary>
    private static TaskItem ServiceAssembly(string folder, int i, int services)
    {
        var name = Name(i);
        var options = new BuildOptions(new Dictionary<string, string> { ["AssemblyName"] = name, ["Version"] = "1.0.0" }, new Dictionary<string, string>());
        var driver = CSharpGeneratorDriver.Create(new[] { new SidecarGenerator().AsSourceGenerator() }, parseOptions: ParseOptions, optionsProvider: options);
        var item = new TaskItem(Emit(folder, name, name, Source(i, services), driver));
        item.SetMetadata("MSBuildSourceProjectFile", Path.Combine(folder, name, name + ".csproj"));
        return item;
    }

    private static string Emit(string folder, string project, string assembly, string source, GeneratorDriver driver)
    {
        var compilation = CSharpCompilation.Create(
            assembly,
            new[] { CSharpSyntaxTree.ParseText(source, ParseOptions, Path.Combine(folder, project, "Program.cs")) },
            Workload.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
        var path = Path.Combine(folder, project, "obj", assembly + ".dll");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var result = generated.Emit(path);
        return result.Success ? path : throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }

    private static string Name(int i) => $"svc{i:D2}";

    /// <summary>system-scale.sh's service <paramref name="i"/> of <paramref name="services"/>: its attributes, without the app around them.</summary>
    private static string Source(int i, int services)
    {
        var called = new[] { i + 1, i % 2 == 1 ? i + 3 : 0 }.Where(c => c > 0 && c <= services).Select(c => "\"" + Name(c) + "\"").ToList();
        var calls = called.Count == 0 ? string.Empty : ", Calls = new[] { " + string.Join(", ", called) + " }";
        var mesh = called.Count == 0 ? "[ServiceMeshSidecar(Mtls = false)]" : "[ServiceMeshSidecar(Upstreams = new[] { " + string.Join(", ", called) + " }, Mtls = false)]";
        var auth = $"[AuthProxySidecar(IssuerUrl = \"https://login.example.com/realms/bench\", SecretName = \"{Name(i)}-auth\")]";
        var watcher = $"[ConfigWatcherSidecar(Key = \"config/{Name(i)}\")]";
        var sidecars = (i % 5) switch
        {
            0 => new[] { "[LoggingSidecar]", "[MetricsSidecar]" },
            1 => new[] { auth, "[LoggingSidecar]", "[MetricsSidecar]" },
            2 => new[] { mesh, "[MetricsSidecar]" },
            3 => new[] { watcher, "[LoggingSidecar]" },
            _ => new[] { mesh, watcher, "[MetricsSidecar]" },
        };
        return $"using SidecarGen;\n\n[SidecarService(\"{Name(i)}\", Image = \"registry.example.com/bench/{Name(i)}:1.0.0\"{calls})]\n{string.Join("\n", sidecars)}\npublic partial class Program;\n";
    }

    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
    }

    /// <summary>The compiler-visible MSBuild properties (<c>build_property.*</c>) and the descriptions' project metadata.</summary>
    private sealed class BuildOptions(IDictionary<string, string> properties, IDictionary<string, string> projects) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Values.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            projects.TryGetValue(textFile.Path, out var project)
                ? new Values(ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles." + ExtractServiceDescriptions.ProjectMetadata, project))
                : Values.Empty;

        private sealed class Values(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Values Empty = new(ImmutableDictionary<string, string>.Empty);

            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
