using Microsoft.CodeAnalysis;

namespace SidecarGen.Rules;

/// <summary>
/// One broken rule, located by the attribute's position on the class (<paramref name="Ordinal"/>),
/// the argument's name and, for arrays, the item's index, so analyzers can squiggle the exact token.
/// <paramref name="FixValue"/> carries what a code fix needs (e.g. the next free port).
/// </summary>
internal sealed record Finding(string RuleId, int Ordinal, string? Argument, string Message, int? Item = null, string? FixValue = null)
{
    /// <summary>The ordinal of a finding about an MSBuild property, which has no place in source: reported without a location.</summary>
    public const int BuildProperty = int.MinValue;

    /// <summary>An error stops the generator from writing; its descriptor alone says which rules are errors.</summary>
    public bool IsError => DiagnosticDescriptors.For(RuleId).DefaultSeverity == DiagnosticSeverity.Error;
}
