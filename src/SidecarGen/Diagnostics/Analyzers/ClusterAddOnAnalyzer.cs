using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SidecarGen.Rules;

namespace SidecarGen.Diagnostics.Analyzers;

/// <summary>
/// The cluster add-ons: SCG0023 (an MSBuild property that is not a valid value, reported without a
/// location so the build fails naming the property), SCG0024 (<c>Host</c>), SCG0025
/// (<c>CertificateIssuer</c>), SCG0026 (a setting without effect), SCG0041 (an ACME issuer for in-cluster names).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClusterAddOnAnalyzer : ServiceRuleAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.InvalidAddOnSetting,
        DiagnosticDescriptors.InvalidHost,
        DiagnosticDescriptors.InvalidIssuer,
        DiagnosticDescriptors.AddOnWithoutEffect,
        DiagnosticDescriptors.AcmeIssuerForClusterNames);
}
