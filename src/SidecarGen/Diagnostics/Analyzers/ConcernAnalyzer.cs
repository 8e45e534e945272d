using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SidecarGen.Rules;

namespace SidecarGen.Diagnostics.Analyzers;

/// <summary>Single responsibility: SCG0001 (a sidecar with several concerns), SCG0004 (two sidecars with one).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConcernAnalyzer : ServiceRuleAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.SeveralConcerns, DiagnosticDescriptors.DuplicateConcern);
}
