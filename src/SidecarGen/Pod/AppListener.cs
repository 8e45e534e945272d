using System.Globalization;

namespace SidecarGen.Pod;

/// <summary>
/// Where the app's server listens and how its probes reach it, both decided by one fact of the plan:
/// who is the Pod's entry (<see cref="EntryPoint"/>).
/// <list type="bullet">
/// <item>The app itself (no traffic sidecar, or only a mesh that injects its own proxy): every
/// interface, <c>ASPNETCORE_HTTP_PORTS</c>, probed by the kubelet with an HTTP GET on the Pod's IP.
/// Istio (1.10+) and Linkerd (2.11+) forward inbound traffic to the Pod's IP, not to loopback, so an
/// app behind them alone must listen there; their redirection keeps callers from going around them.</item>
/// <item>A sidecar SidecarGen runs (auth proxy, TLS termination, Envoy): IPv4 loopback only, so nothing
/// outside the Pod can go around the sidecar. The kubelet's probes come from the node, so they run
/// inside the app's container (<see cref="ProbeTools.HttpGet"/>).</item>
/// </list>
/// docs/pod-entry.md says why, and how it meets addresses set in the app's own code.
/// </summary>
internal static class AppListener
{
    /// <summary>
    /// The address every traffic sidecar forwards to. IPv4 on purpose: <c>localhost</c> makes Kestrel
    /// also bind <c>::1</c>, a second door no sidecar uses, and logs a warning where IPv6 is off.
    /// </summary>
    public const string Loopback = "127.0.0.1";

    public const string UrlsVariable = "ASPNETCORE_URLS";

    public const string HttpPortsVariable = "ASPNETCORE_HTTP_PORTS";

    /// <summary>
    /// The app's listen address as ASP.NET Core reads it. Behind a sidecar, <c>ASPNETCORE_URLS</c>; it
    /// outranks <c>ASPNETCORE_HTTP_PORTS</c>, which the official images set to 8080, so that one is
    /// cleared: ASP.NET Core would warn that it overrides it on every start.
    /// </summary>
    public static EnvVarSpec[] Environment(int port, bool loopbackOnly) => loopbackOnly
        ? new[]
        {
            EnvVarSpec.Literal(UrlsVariable, "http://" + Loopback + ":" + port.ToString(CultureInfo.InvariantCulture)),
            EnvVarSpec.Literal(HttpPortsVariable, string.Empty),
        }
        : new[] { EnvVarSpec.Literal(HttpPortsVariable, port.ToString(CultureInfo.InvariantCulture)) };

    /// <summary>
    /// The app's probe of <paramref name="path"/>: from the node on its named port, or, loopback-only, from
    /// inside its container. The kubelet's HTTP probes speak HTTP/1.1 only (kubernetes/kubernetes#97330; KEP-5999's
    /// h2c probes are alpha in 1.37, off by default), so an HTTP/2-only app is probed
    /// by a TCP connect, and a gRPC app by the kubelet's gRPC probe where the cluster has it
    /// (<paramref name="grpcProbes"/>), else by a TCP connect. From inside the container no client speaks
    /// HTTP/2, so there a listening socket is what can be checked (docs/probes-and-protocols.md).
    /// </summary>
    public static ProbeSpec Probe(string portName, int port, string path, bool loopbackOnly, ServiceProtocol protocol, bool grpcProbes) => protocol switch
    {
        ServiceProtocol.Http => loopbackOnly ? ProbeTools.HttpGet(port, path) : ProbeSpec.Http(portName, path),
        _ when loopbackOnly => ProbeTools.Listening(port),
        ServiceProtocol.Grpc when grpcProbes => ProbeSpec.GrpcHealth(portName),
        _ => ProbeSpec.Tcp(portName),
    };

    /// <summary>
    /// The Service port's <c>appProtocol</c> for a cleartext hop that speaks <paramref name="protocol"/>. gRPC
    /// is HTTP/2 too, and <c>kubernetes.io/h2c</c> (HTTP/2 with prior knowledge, core/v1 ServicePort) is the
    /// value both meshes read as HTTP/2: Istio (pkg/config/kube/conversion.go at 86c9f01fd73) and Linkerd
    /// (policy-controller/core/src/outbound.rs at b24cd4059), where Linkerd does not know <c>grpc</c>.
    /// </summary>
    public static string AppProtocol(ServiceProtocol protocol) => protocol == ServiceProtocol.Http ? "http" : "kubernetes.io/h2c";
}
