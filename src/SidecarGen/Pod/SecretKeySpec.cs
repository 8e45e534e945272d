namespace SidecarGen.Pod;

/// <summary>
/// One key of a Secret the user creates outside the source. Kubernetes reads it with
/// <c>secretKeyRef</c>; Compose from the environment variable <see cref="ComposeVariable"/> of
/// <c>docker compose up</c>.
/// </summary>
internal sealed record SecretKeySpec(string SecretName, string Key)
{
    public string ComposeVariable => Naming.EnvironmentName(SecretName + "_" + Key);
}
