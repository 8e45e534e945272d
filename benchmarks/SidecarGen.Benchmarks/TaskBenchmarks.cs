using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SidecarGen.Build;

namespace SidecarGen.Benchmarks;

/// <summary>
/// The MSBuild task after compile: on an output folder that is already up to date (it only
/// compares), and on one where every file changes (it rewrites atomically).
/// </summary>
[MemoryDiagnoser]
public class TaskBenchmarks
{
    private string folder = null!;
    private string assemblyA = null!;
    private string assemblyB = null!;
    private bool flip;

    [GlobalSetup]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("sidecargen-bench-").FullName;
        assemblyA = Emit("A", Workload.Program);
        assemblyB = Emit("B", Workload.Program.Replace("Port = 8080)", "Port = 8080, Replicas = 3)"));
        Write(assemblyA);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(folder, recursive: true);

    [Benchmark]
    public bool UpToDateOutput() => Write(assemblyA);

    [Benchmark]
    public bool ChangedOutput()
    {
        flip = !flip;
        return Write(flip ? assemblyB : assemblyA);
    }

    private bool Write(string assembly) => new WriteSidecarManifests
    {
        AssemblyPath = assembly,
        OutputDirectory = Path.Combine(folder, "deploy"),
        StateFile = Path.Combine(folder, "obj", "sidecargen.files.txt"),
        BuildEngine = new QuietBuildEngine(),
    }.Execute();

    /// <summary>Compiles the service with the generator, as the build would, into a real assembly on disk.</summary>
    private string Emit(string name, string program)
    {
        var compilation = CSharpCompilation.Create(name, new[] { CSharpSyntaxTree.ParseText(program) }, Workload.References, new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        CSharpGeneratorDriver.Create(new SidecarGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
        var path = Path.Combine(folder, "obj", name + ".dll");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var result = generated.Emit(path);
        return result.Success ? path : throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }
}
