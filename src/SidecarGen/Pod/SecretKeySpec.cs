namespace SidecarGen.Pod;

/// <summary>
/// One key of a Secret the user creates outside the source. Kubernetes reads it with
/// <c>secretKeyRef</c>; Compose with a top-level secret named <see cref="ComposeName"/>, whose value
/// comes from the environment variable <see cref="ComposeVariable"/>.
/// </summary>
internal sealed record SecretKeySpec(string SecretName, string Key)
{
    public string ComposeName => SecretName + "-" + Key;

    public string ComposeVariable => Naming.EnvironmentName(SecretName + "_" + Key);
}
