namespace SidecarGen.Emit.Compose;

/// <summary>
/// Compose interpolates <c>$VAR</c> and <c>${VAR}</c> in every string. A value from the user's
/// attributes is data, so each <c>$</c> is doubled; only values SidecarGen means to interpolate
/// (secrets supplied at <c>docker compose up</c>, the published host port) use <see cref="Variable"/>, <see cref="IsSet"/> and <see cref="VariableOr"/>.
/// Neither fails when the variable is missing, so <c>ps</c>, <c>logs</c>, <c>stop</c> and <c>down</c>
/// work without the secrets; <see cref="VariableCheck"/> stops <c>up</c> instead, naming every missing one.
/// </summary>
internal static class ComposeText
{
    public static string Literal(string value) => value.Replace("$", "$$");

    /// <summary><c>${NAME:-}</c>: the variable's value, empty when it is not set.</summary>
    public static string Variable(string variable) => "${" + variable + ":-}";

    /// <summary><c>${NAME:+set}</c>: <c>set</c> when the variable has a value, else empty; the value itself stays out.</summary>
    public static string IsSet(string variable) => "${" + variable + ":+set}";

    /// <summary><c>${NAME:-value}</c>: the variable's value, <paramref name="value"/> when it is not set.</summary>
    public static string VariableOr(string variable, string value) => "${" + variable + ":-" + value + "}";
}
