using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SidecarGen.Reading;
using SidecarGen.Validation;

namespace SidecarGen.Diagnostics.Analyzers;

/// <summary>
/// The shared shape of the rule analyzers: read the entry-point class through the same
/// <see cref="AttributeReader"/> and <see cref="ServiceValidator"/> the generator uses (so the build's
/// diagnostics and the written manifests always agree), then report the findings of this family.
/// Types without SidecarGen attributes cost one attribute scan; compilations without SidecarGen, nothing.
/// </summary>
public abstract class ServiceRuleAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        AnalyzerSetup.OnSidecarGenCompilations(context, start =>
        {
            var settings = BuildSettingsReader.Read(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
            var ids = SupportedDiagnostics.Select(d => d.Id).ToImmutableHashSet();
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    var type = (INamedTypeSymbol)symbolContext.Symbol;
                    if (!HasSidecarGenAttributes(type))
                    {
                        return;
                    }

                    var declaration = AttributeReader.Read(type, symbolContext.CancellationToken);
                    if (!declaration.IsEntryPoint)
                    {
                        return;
                    }

                    foreach (var finding in ServiceValidator.Validate(declaration, settings).Where(f => ids.Contains(f.RuleId)))
                    {
                        var properties = finding.FixValue is null
                            ? ImmutableDictionary<string, string?>.Empty
                            : ImmutableDictionary<string, string?>.Empty.Add(FixProperties.Value, finding.FixValue);
                        symbolContext.ReportDiagnostic(Diagnostic.Create(
                            DiagnosticDescriptors.For(finding.RuleId),
                            FindingLocator.Locate(type, finding, symbolContext.CancellationToken),
                            properties,
                            finding.Message));
                    }
                },
                SymbolKind.NamedType);
        });
    }

    internal static bool HasSidecarGenAttributes(INamedTypeSymbol type) =>
        type.TypeKind == TypeKind.Class
        && type.GetAttributes().Any(a => a.AttributeClass is { } c && (AttributeReader.MetadataName(c) == KnownTypes.SidecarService || AttributeReader.IsSidecarAttribute(c)));
}
