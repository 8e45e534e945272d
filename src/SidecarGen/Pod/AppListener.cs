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
            EnvVarSpec.Literal(UrlsVariable, "http://" + Loopback + ":" + Text(port)),
            EnvVarSpec.Literal(HttpPortsVariable, string.Empty),
        }
        : new[] { EnvVarSpec.Literal(HttpPortsVariable, Text(port)) };

    /// <summary>The app's probe: from the node on its named port, or, loopback-only, from inside its container.</summary>
    public static ProbeSpec Probe(string portName, int port, string healthPath, bool loopbackOnly) =>
        loopbackOnly ? ProbeTools.HttpGet(port, healthPath) : ProbeSpec.Http(portName, healthPath);

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
