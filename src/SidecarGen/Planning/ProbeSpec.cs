namespace SidecarGen.Planning;

/// <summary>
/// How the kubelet (startup, readiness, liveness) tells a container is healthy: an HTTP GET on one
/// of its ports, or, when <see cref="HttpPath"/> is null, a TCP connect.
/// </summary>
internal sealed record ProbeSpec(string PortName, string? HttpPath, bool Https = false)
{
    public static ProbeSpec Http(string portName, string path) => new(portName, path);

    public static ProbeSpec Tcp(string portName) => new(portName, null);
}
