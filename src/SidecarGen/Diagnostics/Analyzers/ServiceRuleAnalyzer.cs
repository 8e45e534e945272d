using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SidecarGen.Reading;
using SidecarGen.Validation;

namespace SidecarGen.Diagnostics.Analyzers;

/// <summary>
/// The shared shape of the rule analyzers: read the entry-point class through the same
/// <see cref="EntryPointClass"/>, <see cref="AttributeReader"/> and <see cref="ServiceValidator"/> the
/// generator uses (so the build's diagnostics and the written manifests always agree), then report the
/// findings of this family. Other types cost one comparison; compilations without SidecarGen, nothing.
/// </summary>
public abstract class ServiceRuleAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        AnalyzerSetup.OnSidecarGenCompilations(context, (start, settings, entryPoint) =>
        {
            if (entryPoint is null)
            {
                return;
            }

            var ids = SupportedDiagnostics.Select(d => d.Id).ToImmutableHashSet();
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    if (!SymbolEqualityComparer.Default.Equals(symbolContext.Symbol, entryPoint)
                        || AttributeReader.Read(entryPoint, symbolContext.CancellationToken) is not { } declaration)
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
                            FindingLocator.Locate(entryPoint, finding, symbolContext.CancellationToken),
                            properties,
                            finding.Message));
                    }
                },
                SymbolKind.NamedType);
        });
    }
}
