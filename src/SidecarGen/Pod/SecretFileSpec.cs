namespace SidecarGen.Pod;

/// <summary>
/// One key of a Secret mounted as a read-only file at <see cref="Path"/>: a Secret volume in
/// Kubernetes, a file in a tmpfs volume in Compose (written by <c>&lt;service&gt;-secrets</c> from the
/// environment variable <see cref="SecretKeySpec.ComposeVariable"/>). Same path in both.
/// </summary>
internal sealed record SecretFileSpec(SecretKeySpec Secret)
{
    public string Directory => "/run/secrets/" + Secret.SecretName;

    public string Path => Directory + "/" + Secret.Key;
}
