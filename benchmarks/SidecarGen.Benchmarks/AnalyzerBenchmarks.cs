using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace SidecarGen.Benchmarks;

/// <summary>
/// All SidecarGen analyzers over a whole compilation, against an analyzer that registers the same
/// kinds of callbacks and does nothing: the difference is what SidecarGen adds to a build. The same
/// over the service as an ASP.NET Core app, where the rules that read the app's code have work to do.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private Workload workload = null!;
    private Workload webApp = null!;

    [Params(1, 100, 2000)]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        workload = new Workload(Files);
        webApp = new Workload(Files, web: true);
    }

    [Benchmark(Baseline = true)]
    public ImmutableArray<Diagnostic> DoNothingAnalyzer() => AnalyzerRuns.Run(workload.Compilation, AnalyzerRuns.DoNothing);

    [Benchmark]
    public ImmutableArray<Diagnostic> SidecarGenAnalyzersRun() => AnalyzerRuns.Run(workload.Compilation, AnalyzerRuns.SidecarGen);

    [Benchmark]
    public ImmutableArray<Diagnostic> DoNothingAnalyzerOnWebApp() => AnalyzerRuns.Run(webApp.Compilation, AnalyzerRuns.DoNothing);

    [Benchmark]
    public ImmutableArray<Diagnostic> SidecarGenAnalyzersRunOnWebApp() => AnalyzerRuns.Run(webApp.Compilation, AnalyzerRuns.SidecarGen);
}
