using SidecarGen.Model;

namespace SidecarGen.Pod;

/// <summary>
/// How the kubelet (startup, readiness, liveness) tells a container is healthy: an HTTP(S) GET on
/// one of its ports, a gRPC health check (<see cref="Grpc"/>), a TCP connect (no path), or a command
/// (<see cref="Exec"/>) for images whose readiness is a file on disk rather than a port.
/// </summary>
internal sealed record ProbeSpec(string PortName, string? HttpPath, bool Https, EquatableArray<string> Exec)
{
    /// <summary>
    /// How long every probe may take. Kubernetes' default (1 s) and Aspire's (<c>WithHttpProbe</c>, 1 s) suit
    /// a check answered from memory; a readiness endpoint that calls the app's dependencies waits for
    /// each client's own timeout (eShop's <c>/health</c> took over 4 s with RabbitMQ down), and a probe
    /// that times out counts as a failure, so a slow dependency would read as a dead app.
    /// </summary>
    public const int TimeoutSeconds = 5;

    /// <summary>A call of the standard health service <c>grpc.health.v1.Health</c> on the port (KEP-2727).</summary>
    public bool Grpc { get; init; }

    public static ProbeSpec Http(string portName, string path) => new(portName, path, false, EquatableArray<string>.Empty);

    public static ProbeSpec HttpsGet(string portName, string path) => new(portName, path, true, EquatableArray<string>.Empty);

    public static ProbeSpec Tcp(string portName) => new(portName, null, false, EquatableArray<string>.Empty);

    public static ProbeSpec GrpcHealth(string portName) => Tcp(portName) with { Grpc = true };

    public static ProbeSpec Command(params string[] command) => new(string.Empty, null, false, command.ToEquatableArray());
}
