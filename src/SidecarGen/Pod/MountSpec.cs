namespace SidecarGen.Pod;

/// <summary>A volume mounted into a container.</summary>
internal sealed record MountSpec(string Volume, string Path, bool ReadOnly);
