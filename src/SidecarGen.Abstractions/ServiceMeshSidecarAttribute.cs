using System;
using System.Diagnostics;

namespace SidecarGen;

/// <summary>
/// The service's traffic-management proxy, a service mesh's data plane in front of the app: mutual TLS,
/// retries, timeouts, circuit breaking, and a local egress listener per <see cref="Upstreams"/> entry.
/// By default SidecarGen's own Envoy container (<see cref="MeshProvider.Envoy"/>); with
/// <see cref="Mesh"/> set to <see cref="MeshProvider.Istio"/> or <see cref="MeshProvider.Linkerd"/>, the
/// mesh's injected proxy, configured through the mesh's annotations and resources.
/// </summary>
/// <remarks>
/// With Envoy, the proxy becomes the Pod's front door: an inbound listener on <see cref="InboundPort"/>;
/// its admin interface listens on loopback only; the probes and Prometheus use <c>/ready</c> and
/// <c>/stats/prometheus</c> on port 15090. Each upstream gets a local egress listener (15100, 15101, ...)
/// that the app finds in <c>SIDECARGEN_UPSTREAM_&lt;NAME&gt;</c>. See docs/sidecars/service-mesh.md.
/// </remarks>
/// <example>
/// <code>
/// [ServiceMeshSidecar(Upstreams = new[] { "ledger=ledger.finance.svc.cluster.local:8080" }, TimeoutSeconds = 5)]
/// partial class Program;
/// </code>
/// </example>
// The generator reads this attribute from source; [Conditional] keeps it out of the compiled assembly unless SIDECARGEN_KEEP_ATTRIBUTES is defined.
[Conditional("SIDECARGEN_KEEP_ATTRIBUTES")]
[SidecarConcern(SidecarConcerns.TrafficManagement)]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ServiceMeshSidecarAttribute : SidecarAttribute
{
    /// <summary>Declares a service mesh sidecar named <c>service-mesh</c> with Envoy's default pinned image.</summary>
    public ServiceMeshSidecarAttribute()
        : base("service-mesh")
    {
    }

    /// <summary>
    /// Who provides the proxy. <see cref="MeshProvider.Envoy"/> (default): SidecarGen's own Envoy container.
    /// <see cref="MeshProvider.Istio"/> or <see cref="MeshProvider.Linkerd"/>: the mesh injects its proxy and
    /// <see cref="Mtls"/>, <see cref="Retries"/>, <see cref="TimeoutSeconds"/>, <see cref="MaxConnections"/>,
    /// <see cref="MaxPendingRequests"/> and <see cref="Upstreams"/> become the mesh's own resources and
    /// annotations; <c>CpuRequest</c>, <c>MemoryRequest</c>, <c>CpuLimit</c> and <c>MemoryLimit</c> size the
    /// injected proxy. Compose has no mesh: there the app calls its upstreams directly.
    /// </summary>
    public MeshProvider Mesh { get; set; } = MeshProvider.Envoy;

    /// <summary>The inbound listener's port. Default 15001.</summary>
    public int InboundPort { get; set; } = 15001;

    /// <summary>Envoy's admin port, on loopback only. Default 9901.</summary>
    public int AdminPort { get; set; } = 9901;

    /// <summary>Mutual TLS on the inbound and egress listeners, certificates from <see cref="TlsSecretName"/>. Default true.</summary>
    public bool Mtls { get; set; } = true;

    /// <summary>
    /// The Secret holding <c>tls.crt</c>, <c>tls.key</c> and <c>ca.crt</c> (e.g. issued by cert-manager).
    /// Default (null): <c>&lt;service&gt;-mesh-tls</c>.
    /// </summary>
    public string? TlsSecretName { get; set; }

    /// <summary>
    /// A cert-manager issuer that writes the Secret <see cref="TlsSecretName"/> through a <c>Certificate</c>:
    /// <c>"name"</c> for a <c>ClusterIssuer</c>, <c>"Issuer/name"</c> for an <c>Issuer</c> in the service's
    /// namespace. Default (null): you create the Secret.
    /// </summary>
    public string? CertificateIssuer { get; set; }

    /// <summary>Circuit breaker: maximum connections. Default 1024.</summary>
    public int MaxConnections { get; set; } = 1024;

    /// <summary>Circuit breaker: maximum pending requests. Default 1024.</summary>
    public int MaxPendingRequests { get; set; } = 1024;

    /// <summary>Retries on connect failures and resets. Default 3.</summary>
    public int Retries { get; set; } = 3;

    /// <summary>Request timeout in seconds. Default 15.</summary>
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>Outbound services, each <c>"name=host:port"</c>; each becomes a local egress listener. Default: none.</summary>
    public string[]? Upstreams { get; set; }
}
