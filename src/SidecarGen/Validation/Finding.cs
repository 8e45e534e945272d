namespace SidecarGen.Validation;

/// <summary>
/// One broken rule, located by the attribute's position on the class (<paramref name="Ordinal"/>,
/// -1 for the class itself) and the argument's name, so analyzers can squiggle the exact token.
/// </summary>
internal sealed record Finding(string RuleId, int Ordinal, string? Argument, string Message)
{
    public bool IsError => RuleIds.IsError(RuleId);
}
