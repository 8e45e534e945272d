using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SidecarGen.Rules;

namespace SidecarGen.Diagnostics.Analyzers;

/// <summary>
/// What a provider of the mesh sidecar cannot honour: a setting it ignores (SCG0020), an upstream
/// outside the mesh (SCG0021), a sidecar's probe that the mesh's mutual TLS refuses (SCG0022), a mesh
/// version outside the supported range (SCG0040).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MeshAnalyzer : ServiceRuleAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.IgnoredSetting,
        DiagnosticDescriptors.UpstreamOutsideMesh,
        DiagnosticDescriptors.ProbeBehindStrictMtls,
        DiagnosticDescriptors.MeshVersionUnsupported);
}
