namespace SidecarGen.Emit.Compose;

/// <summary>
/// Compose interpolates <c>$VAR</c> and <c>${VAR}</c> in every string. A value from the user's
/// attributes is data, so each <c>$</c> is doubled; only values SidecarGen means to interpolate
/// (secrets supplied at <c>docker compose up</c>) use <see cref="Required"/>.
/// </summary>
internal static class ComposeText
{
    public static string Literal(string value) => value.Replace("$", "$$");

    /// <summary><c>${NAME:?…}</c>: Compose stops with this message when the variable is not set.</summary>
    public static string Required(string variable) => "${" + variable + ":?set " + variable + " (see the SidecarGen README, Secrets)}";
}
