using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SidecarGen.Rules;

namespace SidecarGen.Diagnostics.Analyzers;

/// <summary>The app's protocol against the traffic sidecars in front of it: SCG0042.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProtocolAnalyzer : ServiceRuleAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.HopCannotSpeakProtocol);
}
