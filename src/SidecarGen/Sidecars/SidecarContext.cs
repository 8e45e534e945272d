using System.Collections.Generic;
using SidecarGen.Pod;

namespace SidecarGen.Sidecars;

/// <summary>
/// What a sidecar needs to know about the Pod it joins: its service's name and namespace (none when
/// <c>SidecarGenNamespace</c> is not set). <paramref name="UpstreamPort"/> is the next
/// hop inbound for a traffic sidecar: the app, or the traffic sidecar inside this one;
/// <paramref name="UpstreamTls"/> says whether that hop expects TLS (a TLS termination sidecar does).
/// <paramref name="NativeSidecars"/> says the target Kubernetes runs native sidecars;
/// <paramref name="Planned"/> are the sidecars planned before this one (every sidecar inside it in the
/// traffic chain, and every one that takes no traffic), so an outer hop can adapt to them.
/// <paramref name="Network"/> says where the other services are reached.
/// </summary>
internal sealed record SidecarContext(string ServiceName, string? Namespace, int UpstreamPort, bool UpstreamTls, bool NativeSidecars, IReadOnlyList<SidecarSpec> Planned, ServiceNetwork Network)
{
    /// <summary>What the next hop speaks: the app's <c>Protocol</c>, which every traffic hop carries inward (else SCG0042).</summary>
    public ServiceProtocol UpstreamProtocol { get; init; }
}
