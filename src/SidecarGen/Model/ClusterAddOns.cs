using System;

namespace SidecarGen.Model;

/// <summary>How the metrics ports are announced to Prometheus (<c>SidecarGenPrometheus</c>).</summary>
internal enum PrometheusMode
{
    /// <summary><c>prometheus.io/scrape|port|path</c> on the Pod, for annotation-based scrape configs.</summary>
    Annotations,

    /// <summary>A Prometheus Operator <c>PodMonitor</c>.</summary>
    PodMonitor,

    /// <summary>A Prometheus Operator <c>ServiceMonitor</c> over a metrics Service.</summary>
    ServiceMonitor,
}

/// <summary>
/// The operators of the cluster the build writes for, each switched on by one MSBuild property and off
/// without it. Each value is kept as written (for the message of SCG0023) beside what it parses to; a
/// value that does not parse leaves the parsed member null.
/// </summary>
internal sealed record ClusterAddOns(
    string? PrometheusText,
    PrometheusMode? Prometheus,
    string? GatewayText,
    QualifiedName? Gateway,
    string? IngressClass,
    string? IngressNamespace,
    string? SecretStoreText,
    QualifiedName? SecretStore,
    string? IstioVersion = null,
    string? LinkerdVersion = null)
{
    public const string PrometheusProperty = "SidecarGenPrometheus";
    public const string GatewayProperty = "SidecarGenGateway";
    public const string IngressClassProperty = "SidecarGenIngressClass";
    public const string IngressNamespaceProperty = "SidecarGenIngressNamespace";
    public const string SecretStoreProperty = "SidecarGenSecretStore";

    /// <summary>The mesh's version as written; each provider reads its own (Sidecars/ServiceMesh), unset means any supported one.</summary>
    public const string IstioVersionProperty = "SidecarGenIstioVersion";
    public const string LinkerdVersionProperty = "SidecarGenLinkerdVersion";

    public const string ClusterSecretStore = "ClusterSecretStore";
    public const string SecretStoreKind = "SecretStore";

    public static readonly ClusterAddOns None = Read(_ => null);

    /// <summary>Reads the properties through <paramref name="get"/> (trimmed value, or null when unset).</summary>
    public static ClusterAddOns Read(Func<string, string?> get)
    {
        var prometheus = get(PrometheusProperty);
        var gateway = get(GatewayProperty);
        var store = get(SecretStoreProperty);
        return new ClusterAddOns(
            prometheus,
            prometheus is null ? PrometheusMode.Annotations : ParseMode(prometheus),
            gateway,
            gateway is null ? null : QualifiedName.Parse(gateway),
            get(IngressClassProperty),
            get(IngressNamespaceProperty),
            store,
            store is null ? null : QualifiedName.Parse(store),
            get(IstioVersionProperty),
            get(LinkerdVersionProperty));
    }

    /// <summary>The Prometheus mode in effect: annotations unless a monitor was asked for.</summary>
    public PrometheusMode Monitoring => Prometheus ?? PrometheusMode.Annotations;

    private static PrometheusMode? ParseMode(string text)
    {
        foreach (PrometheusMode mode in Enum.GetValues(typeof(PrometheusMode)))
        {
            if (string.Equals(text, mode.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return mode;
            }
        }

        return null;
    }
}
