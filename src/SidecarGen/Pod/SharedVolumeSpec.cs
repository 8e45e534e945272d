namespace SidecarGen.Pod;

/// <summary>
/// An <c>emptyDir</c> (Compose: named volume) a sidecar shares with the app, e.g. the log folder.
/// The sidecar's own mount is in its <see cref="ContainerSpec.Mounts"/>; this is the app's side.
/// </summary>
internal sealed record SharedVolumeSpec(string Volume, string AppPath, bool AppReadOnly)
{
    /// <summary>The Kubernetes <c>emptyDir</c> <c>sizeLimit</c>: past it the kubelet evicts the Pod.</summary>
    public const string SizeLimit = "1Gi";
}
