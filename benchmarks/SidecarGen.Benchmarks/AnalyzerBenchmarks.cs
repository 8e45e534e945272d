using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SidecarGen.Benchmarks;

/// <summary>
/// All SidecarGen analyzers over a whole compilation, against an analyzer that registers the same
/// kinds of callbacks and does nothing: the difference is what SidecarGen adds to a build.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> SidecarGenAnalyzers = typeof(SidecarGenerator).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private Workload workload = null!;

    [Params(1, 100, 2000)]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup() => workload = new Workload(Files);

    [Benchmark(Baseline = true)]
    public ImmutableArray<Diagnostic> DoNothingAnalyzer() => Run(ImmutableArray.Create<DiagnosticAnalyzer>(new DoNothing()));

    [Benchmark]
    public ImmutableArray<Diagnostic> SidecarGenAnalyzersRun() => Run(SidecarGenAnalyzers);

    // One thread, so the difference between the two is SidecarGen's work rather than scheduling noise.
    private ImmutableArray<Diagnostic> Run(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        workload.Compilation
            .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class DoNothing : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("BENCH0001", "Nothing", "Nothing", "Benchmark", DiagnosticSeverity.Hidden, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSymbolAction(_ => { }, SymbolKind.NamedType);
        }
    }
}
