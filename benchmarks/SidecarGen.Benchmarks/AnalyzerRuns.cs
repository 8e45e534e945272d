using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SidecarGen.Benchmarks;

/// <summary>
/// The analyzers as the compiler runs them over a whole compilation: SidecarGen's seven, and an analyzer
/// that registers the same kind of callback and does nothing (what any analyzer costs the driver).
/// </summary>
internal static class AnalyzerRuns
{
    public static ImmutableArray<DiagnosticAnalyzer> SidecarGen { get; } = typeof(SidecarGenerator).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static ImmutableArray<DiagnosticAnalyzer> DoNothing { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(new DoNothingAnalyzer());

    // One thread, so the difference between the two is SidecarGen's work rather than scheduling noise.
    public static ImmutableArray<Diagnostic> Run(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        compilation
            .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class DoNothingAnalyzer : DiagnosticAnalyzer
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
