using System;
using System.Diagnostics;

namespace SidecarGen;

/// <summary>
/// Describes the service itself: the app container the sidecars run beside. Optional: without it
/// every default applies.
/// </summary>
/// <remarks>
/// Put it on the entry-point class (<c>Program</c>; with top-level statements, add
/// <c>partial class Program;</c>, without <c>public</c>, which triggers ASP0027 on .NET 10). One per
/// project (SCG0015). The Deployment, Service and Compose project are named after <see cref="Name"/>.
/// </remarks>
/// <example>
/// <code>
/// [SidecarService("order-service", Image = "registry.example.com/order-service:1.4.2", Port = 8080)]
/// [LoggingSidecar]
/// partial class Program;
/// </code>
/// </example>
// The generator reads this attribute from source; [Conditional] keeps it out of the compiled assembly unless SIDECARGEN_KEEP_ATTRIBUTES is defined.
[Conditional("SIDECARGEN_KEEP_ATTRIBUTES")]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SidecarServiceAttribute : Attribute
{
    /// <summary>Declares the service.</summary>
    /// <param name="name">The service's name, a DNS-1123 label. Default (null): the kebab-case assembly name.</param>
    public SidecarServiceAttribute(string? name = null) => Name = name;

    /// <summary>The service's name, a DNS-1123 label; null means the kebab-case assembly name.</summary>
    public string? Name { get; }

    /// <summary>The app's image, with a pinned tag.</summary>
    /// <remarks>
    /// Default: the .NET SDK container properties (<c>ContainerRegistry</c>/<c>ContainerRepository</c>/<c>ContainerImageTag</c>),
    /// else <c>&lt;name&gt;:&lt;Version&gt;</c>.
    /// </remarks>
    public string? Image { get; set; }

    /// <summary>The port the app listens on (it gets <c>ASPNETCORE_HTTP_PORTS</c>). Default 8080.</summary>
    public int Port { get; set; } = 8080;

    /// <summary>
    /// The public host name (a DNS name such as <c>orders.example.com</c>). Default (null): not exposed
    /// outside the cluster. With it, an <c>HTTPRoute</c> to the Gateway <c>SidecarGenGateway</c>, else an
    /// <c>Ingress</c> of class <c>SidecarGenIngressClass</c>, routes it to the Service.
    /// </summary>
    public string? Host { get; set; }

    /// <summary>How many Pods run. Default 2; above 1 a PodDisruptionBudget is generated. With <see cref="MaxReplicas"/>, the default <see cref="MinReplicas"/>.</summary>
    public int Replicas { get; set; } = 2;

    /// <summary>
    /// The app's health endpoint, for its readiness probe (and the Compose health check): whether it can
    /// serve now, dependencies included (Aspire's <c>/health</c>). Default <c>/healthz</c>.
    /// </summary>
    public string HealthPath { get; set; } = "/healthz";

    /// <summary>The app's CPU request, a Kubernetes quantity (SCG0006). Default (null): <c>250m</c>.</summary>
    public string? CpuRequest { get; set; }

    /// <summary>The app's memory request, a Kubernetes quantity (SCG0006). Default (null): <c>256Mi</c>.</summary>
    public string? MemoryRequest { get; set; }

    /// <summary>The app's CPU limit, a Kubernetes quantity (SCG0006). Default (null): <c>1</c>.</summary>
    public string? CpuLimit { get; set; }

    /// <summary>The app's memory limit, a Kubernetes quantity (SCG0006). Default (null): <c>512Mi</c>.</summary>
    public string? MemoryLimit { get; set; }

    /// <summary>
    /// The names of the other services this one calls. The app gets each one's address as
    /// <c>services__&lt;name&gt;__http__0</c> (Microsoft.Extensions.ServiceDiscovery); an item written
    /// <c>Key=name</c> (<c>"IdentityUrl=identity-api"</c>, <c>"Identity:Url=identity-api"</c>) also gives it
    /// under the configuration key the app reads (<c>:</c> becomes <c>__</c> in the variable's name).
    /// In a system (<c>SidecarGenSystem</c>) the callee admits only its declared callers, and a name that
    /// is neither a service of the system nor in <see cref="ExternalServices"/> is an error (SCG0017). Default: none.
    /// </summary>
    public string[]? Calls { get; set; }

    private int? minReplicas;

    /// <summary>
    /// The fewest Pods the autoscaler keeps (with <see cref="MaxReplicas"/>). Default: <see cref="Replicas"/>.
    /// </summary>
    public int MinReplicas { get => minReplicas ?? Replicas; set => minReplicas = value; }

    /// <summary>
    /// The most Pods the autoscaler runs; above 0 the service is autoscaled (a HorizontalPodAutoscaler,
    /// or a KEDA ScaledObject with <c>SidecarGenAutoscaler=Keda</c>) on the app container's own CPU and
    /// memory, never its sidecars', and the Deployment carries no <c>replicas</c>. Default 0: not autoscaled.
    /// </summary>
    public int MaxReplicas { get; set; }

    /// <summary>The app container's average CPU use the autoscaler aims for, in percent of its CPU request (1-100). Default 70.</summary>
    public int TargetCpuUtilization { get; set; } = 70;

    /// <summary>The app container's average memory use the autoscaler aims for, in percent of its memory request (1-100). Default 0: memory is not a target.</summary>
    public int TargetMemoryUtilization { get; set; }

    /// <summary>
    /// With <c>SidecarGenAutoscaler=Keda</c>: the inbound requests per second each Pod should serve, counted by
    /// the metrics or mesh sidecar and read from the Prometheus server at <c>SidecarGenPrometheusAddress</c>.
    /// Default 0: requests are not a target.
    /// </summary>
    public int TargetRequestsPerSecond { get; set; }

    private string? livenessPath;

    /// <summary>
    /// The app's liveness endpoint, for its startup and liveness probes, which restart the container when
    /// they fail: it should answer while the process works, whatever its dependencies do (Aspire's
    /// <c>/alive</c>). Default: <see cref="HealthPath"/>.
    /// </summary>
    public string LivenessPath { get => livenessPath ?? HealthPath; set => livenessPath = value; }

    /// <summary>
    /// What the app speaks on <see cref="Port"/>: how it is probed, the Service port's <c>appProtocol</c>
    /// and how traffic sidecars call it. Default <see cref="ServiceProtocol.Http"/>.
    /// </summary>
    public ServiceProtocol Protocol { get; set; }

    /// <summary>
    /// Services outside the system (built and deployed elsewhere) that this one calls, each
    /// <c>name=url</c> (<c>"identity-api=https://identity.example.com"</c>): the app gets the URL as
    /// <c>services__&lt;name&gt;__http__0</c>, a <see cref="Calls"/> item <c>Key=name</c> gives it under
    /// the app's own key too, and a system does not look for the service among its own (no SCG0017).
    /// The generated NetworkPolicy restricts ingress only, so the call leaves the Pod. Default: none.
    /// </summary>
    public string[]? ExternalServices { get; set; }
}
