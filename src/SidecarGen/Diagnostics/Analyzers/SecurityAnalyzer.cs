using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SidecarGen.Rules;

namespace SidecarGen.Diagnostics.Analyzers;

/// <summary>Secure by default: pinned images (SCG0005), no secrets in source (SCG0011), no privileges (SCG0012), valid URLs (SCG0013).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecurityAnalyzer : ServiceRuleAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UnpinnedImage,
        DiagnosticDescriptors.SecretInSource,
        DiagnosticDescriptors.Privileged,
        DiagnosticDescriptors.InvalidUrl);
}
