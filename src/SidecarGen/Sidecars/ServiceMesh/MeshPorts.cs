using System.Collections.Generic;
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
        var scrape = context.Planned.Select(sidecar => sidecar.Metrics?.Port ?? 0);
        var inbound = probes.Concat(scrape).Where(port => port > 0 && port != context.UpstreamPort).Distinct().OrderBy(port => port).ToList();
        var outbound = context.Planned.SelectMany(sidecar => sidecar.MeshBypassPorts).Distinct().OrderBy(port => port).ToList();
        return new MeshPorts(inbound, outbound);
    }

    /// <summary>True when the Pod's sidecars serve Prometheus metrics of their own.</summary>
    public static bool HasMetrics(SidecarContext context) => context.Planned.Any(sidecar => sidecar.Metrics is not null);
}
