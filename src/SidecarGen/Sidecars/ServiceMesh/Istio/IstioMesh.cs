using System.Collections.Generic;
using SidecarGen.Model;
using SidecarGen.Pod;

namespace SidecarGen.Sidecars.ServiceMesh.Istio;

/// <summary>
/// <see cref="MeshProvider.Istio"/>: the Pod template carries the <c>sidecar.istio.io/inject</c>
/// label (and the native-sidecar annotation where Kubernetes has native sidecars), the ports the
/// proxy must leave alone, and the proxy's resources; the policy becomes Istio resources beside the
/// Deployment (<see cref="IstioResources"/>).
/// </summary>
internal sealed class IstioMesh : InjectedMesh
{
    public static readonly IstioMesh Instance = new();

    /// <summary>
    /// istio-proxy's ports: admin 15000, outbound 15001, debug 15004, inbound 15006, HBONE 15008,
    /// merged metrics and app probes 15020, health 15021, DNS proxy 15053, Envoy's Prometheus 15090.
    /// </summary>
    private static readonly int[] ReservedPorts = { 15000, 15001, 15004, 15006, 15008, 15020, 15021, 15053, 15090 };

    protected override string MeshName => "Istio";

    /// <summary>The oldest Istio the output works on: the first to serve the <c>v1</c> networking and security APIs (istio/api v1.22.0).</summary>
    private static readonly MeshVersion Oldest = new(1, 22, 0);

    protected override string VersionProperty => ClusterAddOns.IstioVersionProperty;

    protected override string? Version(ClusterAddOns addOns) => addOns.IstioVersion;

    protected override string? Unsupported(string version) =>
        (MeshVersion.Parse(version, "v") ?? MeshVersion.Parse(version, string.Empty)) switch
        {
            null => "not an Istio version: write its number, e.g. 1.26 or 1.26.2",
            var parsed when parsed.CompareTo(Oldest) < 0 => "the output needs Istio 1.22 or newer, which serves the v1 VirtualService, DestinationRule, ServiceEntry, PeerAuthentication and AuthorizationPolicy it writes; upgrade Istio (docs/compatibility.md)",
            _ => null,
        };

    protected override string ProxyName => "istio-proxy";

    protected override IReadOnlyList<int> ProxyPorts => ReservedPorts;

    /// <summary>Merged metrics (15020) and Envoy's own (15090), which Istio's Prometheus configurations scrape.</summary>
    protected override IEnumerable<int> IngressPorts => new[] { 15020, 15090 };

    protected override string OutsideMesh => "Istio gets a ServiceEntry and a DestinationRule for it, but the call carries no mesh identity (no mutual TLS)";

    protected override IEnumerable<KeyValue> PodLabels(ServiceMeshOptions options) => new[] { new KeyValue("sidecar.istio.io/inject", "true") };

    protected override IEnumerable<KeyValue> PodAnnotations(ServiceMeshOptions options, SidecarContext context, MeshPorts ports)
    {
        if (context.NativeSidecars)
        {
            // Read from Istio 1.24 (1.22 and 1.23 ignore it: their proxy stays an ordinary container).
            yield return new KeyValue("sidecar.istio.io/nativeSidecar", "true");
        }

        // The app waits for an ordinary-container proxy on every supported Istio; the injection template
        // drops the hold where the proxy is native (`$holdProxy := and (...) (not $nativeSidecar)`, 1.22.0 to 1.30.3).
        yield return new KeyValue("proxy.istio.io/config", "holdApplicationUntilProxyStarts: true");

        if (ports.Inbound.Count > 0)
        {
            yield return new KeyValue("traffic.sidecar.istio.io/excludeInboundPorts", Join(ports.Inbound));
        }

        if (ports.Outbound.Count > 0)
        {
            yield return new KeyValue("traffic.sidecar.istio.io/excludeOutboundPorts", Join(ports.Outbound));
        }

        if (MeshPorts.HasMetrics(context))
        {
            // Keep the Pod's own prometheus.io annotations (SidecarGenPrometheus=Annotations): merging would point them at 15020 instead.
            yield return new KeyValue("prometheus.istio.io/merge-metrics", "false");
        }

        foreach (var resource in ProxyResources(options.Common.Resources, "sidecar.istio.io/proxyCPU", "sidecar.istio.io/proxyMemory", "sidecar.istio.io/proxyCPULimit", "sidecar.istio.io/proxyMemoryLimit"))
        {
            yield return resource;
        }
    }

    /// <summary>
    /// Istio's standard <c>istio_requests_total</c>, as the receiving proxy reports it; the workload labels
    /// are the proxy's own (the queries fluxcd/flagger <c>pkg/metrics/observers/istio.go</c> runs).
    /// </summary>
    protected override RequestMetric Requests(SidecarContext context) => RequestMetric.Of(
        "istio_requests_total",
        "destination_workload_namespace",
        context.Namespace,
        new LabelMatcher("reporter", "destination"),
        new LabelMatcher("destination_workload", context.ServiceName));

    protected override IEnumerable<ObjectSpec> Objects(ServiceMeshOptions options, SidecarContext context, IReadOnlyList<MeshUpstream> upstreams) =>
        IstioResources.For(options, context.ServiceName, upstreams, context.UpstreamTls, context.Network.CallersOf(context.ServiceName), context.Namespace);

    /// <summary>Istio rewrites the probes of the app, not of native sidecars (istio/istio#53786).</summary>
    protected override string EntryProbeRefused(ProbeSpec probe) =>
        "Istio's STRICT mutual TLS refuses the kubelet: Istio does not rewrite the probes of native sidecars";
}
