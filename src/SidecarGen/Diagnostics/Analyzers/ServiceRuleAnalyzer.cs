using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SidecarGen.Rules;

namespace SidecarGen.Diagnostics.Analyzers;

/// <summary>
/// The shared shape of the rule analyzers: the service is read and validated once per compilation
/// (<see cref="CompilationFindings"/>, through the same reader and validator the generator uses, so the
/// build's diagnostics and the written manifests always agree), and each analyzer reports the findings
/// of its family. Other types cost one comparison; compilations without SidecarGen, nothing.
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
                    if (!SymbolEqualityComparer.Default.Equals(symbolContext.Symbol, entryPoint))
                    {
                        return;
                    }

                    foreach (var finding in CompilationFindings.Of(start.Compilation, entryPoint, settings, symbolContext.CancellationToken).Where(f => ids.Contains(f.RuleId)))
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
