using SidecarGen.Model;

namespace SidecarGen.Pod;

/// <summary>
/// How the kubelet (startup, readiness, liveness) tells a container is healthy: an HTTP(S) GET on
/// one of its ports, a TCP connect (no path), or a command (<see cref="Exec"/>) for images whose
/// readiness is a file on disk rather than a port.
/// </summary>
internal sealed record ProbeSpec(string PortName, string? HttpPath, bool Https, EquatableArray<string> Exec)
{
    public static ProbeSpec Http(string portName, string path) => new(portName, path, false, EquatableArray<string>.Empty);

    public static ProbeSpec HttpsGet(string portName, string path) => new(portName, path, true, EquatableArray<string>.Empty);

    public static ProbeSpec Tcp(string portName) => new(portName, null, false, EquatableArray<string>.Empty);

    public static ProbeSpec Command(params string[] command) => new(string.Empty, null, false, command.ToEquatableArray());
}
