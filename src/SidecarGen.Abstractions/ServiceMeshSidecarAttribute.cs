using System;

namespace SidecarGen;

/// <summary>
/// An Envoy proxy handling traffic management: an inbound listener on <see cref="InboundPort"/> in
/// front of the app, mutual TLS, retries, timeouts, circuit breaking, trace header propagation, and
/// a local egress listener per <see cref="Upstreams"/> entry.
/// </summary>
[SidecarConcern(SidecarConcerns.TrafficManagement)]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ServiceMeshSidecarAttribute : SidecarAttribute
{
    /// <summary>Declares a service mesh sidecar named <c>service-mesh</c>.</summary>
    public ServiceMeshSidecarAttribute()
        : base("service-mesh")
    {
    }

    /// <summary>The inbound listener's port. Default 15001.</summary>
    public int InboundPort { get; set; } = 15001;

    /// <summary>Envoy's admin port (its <c>/ready</c> is the probe). Default 9901.</summary>
    public int AdminPort { get; set; } = 9901;

    /// <summary>Mutual TLS on the inbound listener, certificates from <see cref="TlsSecretName"/>. Default true.</summary>
    public bool Mtls { get; set; } = true;

    /// <summary>The Secret holding <c>tls.crt</c>, <c>tls.key</c> and <c>ca.crt</c>. Default <c>&lt;service&gt;-mesh-tls</c>.</summary>
    public string? TlsSecretName { get; set; }

    /// <summary>Circuit breaker: maximum connections to the app. Default 1024.</summary>
    public int MaxConnections { get; set; } = 1024;

    /// <summary>Circuit breaker: maximum pending requests. Default 1024.</summary>
    public int MaxPendingRequests { get; set; } = 1024;

    /// <summary>Retries on connect failures and 5xx. Default 3.</summary>
    public int Retries { get; set; } = 3;

    /// <summary>Request timeout in seconds. Default 15.</summary>
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>Outbound services, each <c>"name=host:port"</c>, each a local egress listener.</summary>
    public string[]? Upstreams { get; set; }
}
