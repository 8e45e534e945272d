namespace SidecarGen.Pod;

/// <summary>
/// An <c>emptyDir</c> (Compose: named volume) a sidecar shares with the app, e.g. the log folder.
/// The sidecar's own mount is in its <see cref="ContainerSpec.Mounts"/>; this is the app's side.
/// <paramref name="SizeLimit"/> (a Kubernetes quantity) bounds it when the sidecar's attribute says how much.
/// </summary>
internal sealed record SharedVolumeSpec(string Volume, string AppPath, bool AppReadOnly, string? SizeLimit = null)
{
    /// <summary>The Kubernetes <c>emptyDir</c> <c>sizeLimit</c> of a shared volume whose kind names none: past it the kubelet evicts the Pod.</summary>
    public const string DefaultSizeLimit = "1Gi";
}
