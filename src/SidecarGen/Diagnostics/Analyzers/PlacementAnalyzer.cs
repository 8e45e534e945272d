using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SidecarGen.Rules;
using SidecarGen.Reading;

namespace SidecarGen.Diagnostics.Analyzers;

/// <summary>
/// Where the attributes stand: on the entry-point class only (SCG0008), and one service per project
/// (SCG0015, known only once every type has been seen).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PlacementAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.NotEntryPoint, DiagnosticDescriptors.SeveralServices);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        AnalyzerSetup.OnSidecarGenCompilations(context, (start, _, entryPoint) =>
        {
            // A locked list rather than a ConcurrentBag: it is filled at most once or twice, and the bag's
            // thread-local machinery costs a new compiler process more to load than all the locking.
            var services = new List<Location>();
            start.RegisterSymbolAction(symbolContext => Analyze(symbolContext, entryPoint, services), SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end =>
            {
                if (services.Count < 2)
                {
                    return;
                }

                services.Sort(static (a, b) =>
                {
                    var byFile = string.CompareOrdinal(a.SourceTree?.FilePath, b.SourceTree?.FilePath);
                    return byFile != 0 ? byFile : a.SourceSpan.Start.CompareTo(b.SourceSpan.Start);
                });
                foreach (var location in services.Skip(1))
                {
                    end.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.SeveralServices,
                        location,
                        "A project describes one service; this second [SidecarService] contradicts the first"));
                }
            });
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol? entryPoint, List<Location> services)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind != TypeKind.Class)
        {
            return;
        }

        var isEntryPoint = SymbolEqualityComparer.Default.Equals(type, entryPoint);
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is not { } cls
                || !KnownTypes.IsSidecarGenAttribute(cls)
                || attribute.ApplicationSyntaxReference is not { } reference)
            {
                continue;
            }

            var location = reference.GetSyntax(context.CancellationToken).GetLocation();
            if (KnownTypes.IsServiceAttribute(cls))
            {
                lock (services)
                {
                    services.Add(location);
                }
            }

            if (!isEntryPoint)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NotEntryPoint, location, NotEntryPointMessage(type, entryPoint)));
            }
        }
    }

    private static string NotEntryPointMessage(INamedTypeSymbol type, INamedTypeSymbol? entryPoint) => entryPoint is null
        ? $"'{type.Name}' is not the entry point, and this project has none (no Program class); SidecarGen ignores this attribute"
        : $"'{type.ToDisplayString()}' is not the entry point ('{entryPoint.ToDisplayString()}'); SidecarGen ignores this attribute";
}
