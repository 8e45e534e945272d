namespace SidecarGen.Pod;

/// <summary>A TCP port a container listens on; <paramref name="Name"/> is an IANA service name (≤ 15 characters).</summary>
internal sealed record PortSpec(string Name, int Port)
{
    /// <summary>The port after <paramref name="port"/>, wrapping round from 65535 to 1024, the first one a non-root process may bind.</summary>
    public static int After(int port) => port >= 65535 ? 1024 : port + 1;
}
