using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SidecarGen.Reading;

namespace SidecarGen.Diagnostics.Analyzers;

/// <summary>
/// Where the attributes stand: on the entry point only (SCG0008), and one service per project
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
        AnalyzerSetup.OnSidecarGenCompilations(context, start =>
        {
            var services = new ConcurrentBag<Location>();
            start.RegisterSymbolAction(symbolContext => Analyze(symbolContext, services), SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end =>
            {
                var ordered = services.OrderBy(l => l.SourceTree?.FilePath, System.StringComparer.Ordinal).ThenBy(l => l.SourceSpan.Start).ToList();
                foreach (var location in ordered.Skip(1))
                {
                    end.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.SeveralServices,
                        location,
                        "A project describes one service; this second [SidecarService] leaves SidecarGen unable to tell which to write"));
                }
            });
        });
    }

    private static void Analyze(SymbolAnalysisContext context, ConcurrentBag<Location> services)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!ServiceRuleAnalyzer.HasSidecarGenAttributes(type))
        {
            return;
        }

        var declaration = AttributeReader.Read(type, context.CancellationToken);
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is not { } cls || attribute.ApplicationSyntaxReference is not { } reference)
            {
                continue;
            }

            var isService = AttributeReader.MetadataName(cls) == KnownTypes.SidecarService;
            if (!isService && !AttributeReader.IsSidecarAttribute(cls))
            {
                continue;
            }

            var location = reference.GetSyntax(context.CancellationToken).GetLocation();
            if (isService)
            {
                services.Add(location);
            }

            if (!declaration.IsEntryPoint)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.NotEntryPoint,
                    location,
                    $"'{type.Name}' is not the entry point (Program); SidecarGen ignores this attribute"));
            }
        }
    }
}
