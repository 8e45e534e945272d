using System.Collections;
using Microsoft.Build.Framework;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SidecarGen.Tests.Build;

/// <summary>
/// A temporary project layout for the MSBuild task: an assembly compiled with the given embedded
/// manifests, an output folder and a state file, and a build engine that records what is logged.
/// </summary>
internal sealed class TaskHarness : IDisposable
{
    private int assemblies;

    public TaskHarness()
    {
        Root = Directory.CreateTempSubdirectory("sidecargen-task-").FullName;
        Output = Path.Combine(Root, "deploy");
    }

    public string Root { get; }

    public string Output { get; }

    public string StateFile => Path.Combine(Root, "obj", "sidecargen.files.txt");

    public Engine BuildEngine { get; } = new();

    /// <summary>Compiles an assembly carrying <c>SidecarGen.Status</c> (unless null) and the files.</summary>
    public string Assembly(string? status, params (string Path, string Content)[] files) =>
        Compile((status is null ? Enumerable.Empty<(string, string)>() : new[] { ("SidecarGen.Status", status) })
            .Concat(files.Select(f => ("SidecarGen.File:" + f.Path, f.Content))));

    /// <summary>An assembly as the generator embeds it while errors stand: no files, and the blocking rules.</summary>
    public string BlockedAssembly(string blockedBy) =>
        Compile(new[] { ("SidecarGen.Status", "Blocked"), ("SidecarGen.BlockedBy", blockedBy) });

    /// <summary>Compiles an assembly carrying exactly these <c>[assembly: AssemblyMetadata(key, value)]</c>.</summary>
    public string AssemblyWith(params (string Key, string Value)[] metadata) => Compile(metadata);

    private string Compile(IEnumerable<(string, string)> metadata)
    {
        var attributes = metadata
            .Select(a => $"[assembly: System.Reflection.AssemblyMetadata({SymbolDisplay.FormatLiteral(a.Item1, true)}, {SymbolDisplay.FormatLiteral(a.Item2, true)})]");
        var compilation = CSharpCompilation.Create(
            "App" + assemblies,
            new[] { CSharpSyntaxTree.ParseText(string.Join("\n", attributes)) },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(typeof(System.Reflection.AssemblyMetadataAttribute).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(Root, "obj", $"App{assemblies++}.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return path;
    }

    public bool Write(string assembly, out SidecarGen.Build.WriteSidecarManifests task)
    {
        task = new SidecarGen.Build.WriteSidecarManifests { AssemblyPath = assembly, OutputDirectory = Output, StateFile = StateFile, BuildEngine = BuildEngine };
        return task.Execute();
    }

    public bool Write(string assembly) => Write(assembly, out _);

    public string Read(string relative) => File.ReadAllText(Path.Combine(Output, relative));

    public string[] Files() =>
        Directory.Exists(Output)
            ? Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(Output, p)).Order(StringComparer.Ordinal).ToArray()
            : Array.Empty<string>();

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>Records errors and messages; the task never needs anything else from MSBuild.</summary>
    internal sealed class Engine : IBuildEngine
    {
        public List<string> Errors { get; } = new();

        public List<string> Messages { get; } = new();

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "test.csproj";

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => true;

        public void LogCustomEvent(CustomBuildEventArgs e) => Messages.Add(e.Message ?? string.Empty);

        public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e.Code + ": " + e.Message);

        public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e.Message ?? string.Empty);

        public void LogWarningEvent(BuildWarningEventArgs e) => Messages.Add(e.Code + ": " + e.Message);
    }
}
