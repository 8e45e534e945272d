namespace SidecarGen.Pod;

/// <summary>An environment variable: a literal value, or a key of a Secret (never a literal secret).</summary>
internal sealed record EnvVarSpec(string Name, string? Value, SecretKeySpec? Secret)
{
    public static EnvVarSpec Literal(string name, string value) => new(name, value, null);

    public static EnvVarSpec FromSecret(string name, SecretKeySpec secret) => new(name, null, secret);
}
