using BenchmarkDotNet.Attributes;
using SidecarGen.Build;

namespace SidecarGen.Benchmarks;

/// <summary>
/// The MSBuild task on a system project's output (one kustomization over every service's folder and one
/// Compose project) of 10 and 50 services, so its growth with the system is measured: into an empty
/// output folder (every file new, as in a cold build) and into one already up to date. The floor beside
/// them: the same files written plainly (File.WriteAllBytes, no comparison, no temporary file, no state),
/// what the file system charges for them whoever writes them.
/// </summary>
[Config(typeof(SingleInvocationConfig))]
[MemoryDiagnoser]
public class SystemTaskBenchmarks
{
    private string folder = null!;
    private string assembly = null!;
    private KeyValuePair<string, byte[]>[] files = null!;

    [Params(10, 50)]
    public int Services { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("sidecargen-bench-system-").FullName;
        assembly = SystemOutput.Build(folder, Services);
        var task = Task();
        if (!task.Execute() || task.Blocked || task.WrittenFiles.Length == 0)
        {
            throw new InvalidOperationException("the system wrote no files");
        }

        var deploy = Path.Combine(folder, "deploy");
        files = task.WrittenFiles.Select(file => new KeyValuePair<string, byte[]>(Path.GetRelativePath(deploy, file.ItemSpec), File.ReadAllBytes(file.ItemSpec))).ToArray();
        Console.WriteLine($"// {Services} services: {files.Length} files, {files.Sum(file => file.Value.Length)} bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(folder, recursive: true);

    [IterationSetup(Target = nameof(FirstWrite))]
    public void Empty()
    {
        Directory.Delete(Path.Combine(folder, "deploy"), recursive: true);
        File.Delete(Path.Combine(folder, "obj", "sidecargen.files.txt"));
    }

    [IterationSetup(Target = nameof(PlainFiles))]
    public void EmptyPlain()
    {
        if (Directory.Exists(Path.Combine(folder, "plain")))
        {
            Directory.Delete(Path.Combine(folder, "plain"), recursive: true);
        }
    }

    [Benchmark]
    public bool FirstWrite() => Task().Execute();

    [Benchmark]
    public int PlainFiles()
    {
        foreach (var file in files)
        {
            var path = Path.Combine(folder, "plain", file.Key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Value);
        }

        return files.Length;
    }

    [Benchmark]
    public bool UpToDate() => Task().Execute();

    private WriteSidecarManifests Task() => new()
    {
        AssemblyPath = assembly,
        OutputDirectory = Path.Combine(folder, "deploy"),
        StateFile = Path.Combine(folder, "obj", "sidecargen.files.txt"),
        SummaryFile = Path.Combine(folder, "obj", "sidecargen.summary.txt"),
        BuildEngine = new QuietBuildEngine(),
    };
}
