namespace SidecarGen.Pod;

/// <summary>
/// A volume mounted into a container. <paramref name="KeepsState"/> marks a container's own volume whose
/// contents must outlive the container's restarts (a log agent's read positions and buffer): an
/// <c>emptyDir</c> does in the Pod; in Compose it is a volume the holder keeps mounted (<see cref="VolumeKind.State"/>).
/// </summary>
internal sealed record MountSpec(string Volume, string Path, bool ReadOnly, bool KeepsState = false);
