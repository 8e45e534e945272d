using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SidecarGen.Rules;

namespace SidecarGen.Diagnostics.Analyzers;

/// <summary>What the target platform and this version can render: SCG0014 (no native sidecars), SCG0016.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PlatformAnalyzer : ServiceRuleAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.NoNativeSidecars, DiagnosticDescriptors.CannotRender);
}
