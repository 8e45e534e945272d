using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SidecarGen.Sidecars.ServiceMesh;

/// <summary>
/// The ports an injected proxy must leave alone. Inbound: the probes of the other sidecars (a mesh
/// rewrites only the app's probes, istio/istio#53786, so the kubelet's plain requests would meet
/// the proxy's mutual TLS) and the Prometheus scrape port (Prometheus usually runs outside the mesh).
/// Outbound: ports a sidecar must reach directly (the config store the app waits for). The entry port
/// is never among them: callers must pass the proxy.
/// </summary>
internal sealed record MeshPorts(IReadOnlyList<int> Inbound, IReadOnlyList<int> Outbound)
{
    public static MeshPorts Of(SidecarContext context)
    {
        var probes = context.Planned
            .Select(sidecar => sidecar.Container)
            .Where(container => container.Probe is { Exec.IsEmpty: true })
            .Select(container => container.Ports.FirstOrDefault(port => port.Name == container.Probe!.PortName)?.Port ?? 0);
        var scrape = context.Planned
            .SelectMany(sidecar => sidecar.PodAnnotations)
            .Where(annotation => annotation.Key == "prometheus.io/port")
            .Select(annotation => int.TryParse(annotation.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : 0);
        var inbound = probes.Concat(scrape).Where(port => port > 0 && port != context.UpstreamPort).Distinct().OrderBy(port => port).ToList();
        var outbound = context.Planned.SelectMany(sidecar => sidecar.MeshBypassPorts).Distinct().OrderBy(port => port).ToList();
        return new MeshPorts(inbound, outbound);
    }

    /// <summary>True when the Pod's sidecars announce a Prometheus scrape port of their own.</summary>
    public static bool HasScrapeAnnotations(SidecarContext context) =>
        context.Planned.SelectMany(sidecar => sidecar.PodAnnotations).Any(annotation => annotation.Key == "prometheus.io/scrape");
}
