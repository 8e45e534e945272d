namespace SidecarGen.Pod;

/// <summary>A TCP port a container listens on; <paramref name="Name"/> is an IANA service name (≤ 15 characters).</summary>
internal sealed record PortSpec(string Name, int Port);
