namespace SidecarGen.Pod;

/// <summary>
/// One key of a Secret mounted as a read-only file at <see cref="Path"/>: a Secret volume in
/// Kubernetes, a Compose secret (whose value comes from the environment variable
/// <see cref="SecretKeySpec.ComposeVariable"/>) in Compose. Same path in both.
/// </summary>
internal sealed record SecretFileSpec(SecretKeySpec Secret)
{
    public string Directory => "/run/secrets/" + Secret.SecretName;

    public string Path => Directory + "/" + Secret.Key;
}
