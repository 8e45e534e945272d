using System.Collections.Generic;
using System.Linq;

namespace SidecarGen.Pod;

/// <summary>A Prometheus endpoint a sidecar serves: the named container port and the HTTP path.</summary>
internal sealed record MetricsEndpoint(string PortName, int Port, string Path)
{
    /// <summary>Every endpoint of the Pod, in the sidecars' declared order.</summary>
    public static IEnumerable<MetricsEndpoint> Of(ServicePlan plan) => plan.Sidecars.Select(sidecar => sidecar.Metrics).OfType<MetricsEndpoint>();
}
