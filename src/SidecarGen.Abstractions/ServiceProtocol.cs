namespace SidecarGen;

/// <summary>
/// What the app's server speaks on <see cref="SidecarServiceAttribute.Port"/>, in clear text: it decides
/// how the app is probed, the Service port's <c>appProtocol</c> and how traffic sidecars call the app
/// (docs/probes-and-protocols.md).
/// </summary>
public enum ServiceProtocol
{
    /// <summary>HTTP/1.1 (Kestrel's default, which also accepts HTTP/2 over TLS only). Probed with an HTTP GET. The default.</summary>
    Http = 0,

    /// <summary>
    /// HTTP/2 only, without TLS (h2c, prior knowledge: Kestrel's <c>Protocols = Http2</c>). No HTTP GET of
    /// the kubelet can reach it (its HTTP probes speak HTTP/1.1), so the app is probed by a TCP connect.
    /// </summary>
    Http2 = 1,

    /// <summary>
    /// gRPC (HTTP/2, without TLS). Probed by the kubelet's gRPC probe, which calls the standard health
    /// service <c>grpc.health.v1.Health</c> (<c>MapGrpcHealthChecksService</c> in ASP.NET Core).
    /// </summary>
    Grpc = 2,
}
