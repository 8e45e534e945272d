using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SidecarGen.Benchmarks;

/// <summary>
/// The generator as the compiler and the IDE run it: a first run on a compilation, then re-runs
/// after an edit elsewhere (every step should be cached) and after an edit to a sidecar attribute.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private Workload workload = null!;
    private GeneratorDriver warm = null!;

    [Params(1, 100, 2000)]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        workload = new Workload(Files);
        warm = NewDriver().RunGenerators(workload.Compilation);

        // Let the edited compilations bind their declarations once, as the IDE's would have.
        NewDriver().RunGenerators(workload.UnrelatedEdit);
        NewDriver().RunGenerators(workload.AttributeEdit);
    }

    [Benchmark]
    public GeneratorDriver FullRun() => NewDriver().RunGenerators(workload.Compilation);

    [Benchmark]
    public GeneratorDriver RerunAfterUnrelatedEdit() => warm.RunGenerators(workload.UnrelatedEdit);

    [Benchmark]
    public GeneratorDriver RerunAfterAttributeEdit() => warm.RunGenerators(workload.AttributeEdit);

    private static GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create(new[] { new SidecarGenerator().AsSourceGenerator() }, parseOptions: CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest));
}
