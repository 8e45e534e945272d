using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace SidecarGen.Benchmarks;

/// <summary>
/// The generator as the compiler and the IDE run it: a first run on a compilation, then re-runs on a
/// warm driver after an edit elsewhere (every step after the lookup should be cached) and after an
/// edit to a sidecar attribute. Every run gets a new compilation, so no binding is reused between runs.
/// Two reference generators re-run after the same unrelated edit: the binding floor, and the eight
/// ForAttributeWithMetadataName providers SidecarGen used before (<see cref="ReferenceGenerators"/>).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SingleInvocationConfig))]
public class GeneratorBenchmarks
{
    private Workload workload = null!;
    private GeneratorDriver sidecarGen = null!;
    private GeneratorDriver bindingFloor = null!;
    private GeneratorDriver eightAttributeProviders = null!;
    private Compilation next = null!;

    [Params(1, 100, 2000)]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        workload = new Workload(Files);
        sidecarGen = workload.WarmDriver(new SidecarGenerator());
        bindingFloor = workload.WarmDriver(new ReferenceGenerators.BindingFloor());
        eightAttributeProviders = workload.WarmDriver(new ReferenceGenerators.EightAttributeProviders());
    }

    [IterationSetup(Targets = new[] { nameof(FullRun), nameof(RerunAfterUnrelatedEdit), nameof(BindingFloorRerun), nameof(EightAttributeProvidersRerun) })]
    public void NextUnrelatedEdit() => next = workload.UnrelatedEdit();

    [IterationSetup(Target = nameof(RerunAfterAttributeEdit))]
    public void NextAttributeEdit() => next = workload.AttributeEdit();

    [Benchmark]
    public GeneratorDriver FullRun() => Workload.Driver(new SidecarGenerator()).RunGenerators(next);

    [Benchmark]
    public GeneratorDriver RerunAfterUnrelatedEdit() => sidecarGen.RunGenerators(next);

    [Benchmark]
    public GeneratorDriver RerunAfterAttributeEdit() => sidecarGen.RunGenerators(next);

    [Benchmark]
    public GeneratorDriver BindingFloorRerun() => bindingFloor.RunGenerators(next);

    [Benchmark]
    public GeneratorDriver EightAttributeProvidersRerun() => eightAttributeProviders.RunGenerators(next);
}
