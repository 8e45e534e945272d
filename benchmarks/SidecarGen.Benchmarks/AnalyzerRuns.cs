using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SidecarGen.Benchmarks;

/// <summary>
/// The analyzers as the compiler runs them over a whole compilation: SidecarGen's (all, or some by name),
/// and an analyzer that registers a callback and does nothing (what any analyzer costs the driver).
/// </summary>
internal static class AnalyzerRuns
{
    public static ImmutableArray<DiagnosticAnalyzer> SidecarGen { get; } = typeof(SidecarGenerator).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static ImmutableArray<DiagnosticAnalyzer> DoNothing { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(new DoNothingAnalyzer());

    /// <summary>
    /// A do-nothing analyzer that also asks for every invocation: the driver then builds the operation tree
    /// of every method body, the floor of any analyzer that reads the app's code through operations.
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> DoNothingOnOperations { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(new DoNothingAnalyzer(onOperations: true));

    /// <summary>SidecarGen's analyzers whose type names are listed (all of them when none is), to measure one rule at a time.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> SidecarGenOnly(IReadOnlyCollection<string> names) =>
        names.Count == 0 ? SidecarGen : SidecarGen.Where(analyzer => names.Contains(analyzer.GetType().Name)).ToImmutableArray();

    // One thread, so the difference between the two is SidecarGen's work rather than scheduling noise.
    public static ImmutableArray<Diagnostic> Run(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        With(compilation, analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>One file's semantic diagnostics, as the IDE asks for the open document after an edit (no compilation-end actions).</summary>
    public static ImmutableArray<Diagnostic> RunOnDocument(Compilation compilation, SyntaxTree document, ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        With(compilation, analyzers).GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(document), filterSpan: null, CancellationToken.None).GetAwaiter().GetResult();

    private static CompilationWithAnalyzers With(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class DoNothingAnalyzer(bool onOperations = false) : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("BENCH0001", "Nothing", "Nothing", "Benchmark", DiagnosticSeverity.Hidden, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSymbolAction(_ => { }, SymbolKind.NamedType);
            if (onOperations)
            {
                context.RegisterOperationAction(_ => { }, OperationKind.Invocation);
            }
        }
    }
}
