using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SidecarGen.Rules;

namespace SidecarGen.Diagnostics.Analyzers;

/// <summary>What the Pod's containers share: ports (SCG0003, SCG0009) and CPU and memory (SCG0006, SCG0010).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PodResourcesAnalyzer : ServiceRuleAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.PortCollision,
        DiagnosticDescriptors.InvalidQuantity,
        DiagnosticDescriptors.PortOutOfRange,
        DiagnosticDescriptors.SidecarsOutweighApp);
}
