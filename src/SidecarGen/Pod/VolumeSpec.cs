namespace SidecarGen.Pod;

/// <summary>How a volume of the Pod is backed.</summary>
internal enum VolumeKind
{
    /// <summary>Writable space for one container (its root filesystem is read-only): <c>emptyDir</c> / tmpfs.</summary>
    Scratch,

    /// <summary>A folder the app shares with a sidecar: <c>emptyDir</c> / named volume.</summary>
    Shared,

    /// <summary>A sidecar's config files: ConfigMap / read-only bind mount of <c>config/&lt;sidecar&gt;</c>.</summary>
    Config,

    /// <summary>Keys of a user's Secret: Secret volume / Compose secrets.</summary>
    Secret,

    /// <summary>
    /// Writable space for one container that outlives its restarts (<see cref="MountSpec.KeepsState"/>):
    /// <c>emptyDir</c> / a tmpfs volume the holder keeps mounted (a container's own tmpfs is emptied when it stops).
    /// </summary>
    State,
}

/// <summary>
/// A volume of the Pod; <paramref name="Source"/> names the ConfigMap or Secret behind it;
/// <paramref name="SizeLimit"/> is a shared volume's bound when its sidecar sets one.
/// </summary>
internal sealed record VolumeSpec(string Name, VolumeKind Kind, string Source, string? SizeLimit = null);
