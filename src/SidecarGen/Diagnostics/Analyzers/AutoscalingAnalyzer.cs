using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SidecarGen.Rules;

namespace SidecarGen.Diagnostics.Analyzers;

/// <summary>
/// Autoscaling: SCG0036 (bounds or targets that cannot work), SCG0037 (no per-container metrics on the
/// target Kubernetes), SCG0038 (a setting without effect).
/// A bad <c>SidecarGenAutoscaler</c> is SCG0023, with the other cluster add-ons.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AutoscalingAnalyzer : ServiceRuleAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.InvalidAutoscaling,
        DiagnosticDescriptors.NoContainerMetrics,
        DiagnosticDescriptors.AutoscalingWithoutEffect);
}
