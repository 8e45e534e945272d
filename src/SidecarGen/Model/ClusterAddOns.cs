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

/// <summary>What scales an autoscaled service (<c>SidecarGenAutoscaler</c>).</summary>
internal enum AutoscalerKind
{
    /// <summary>A HorizontalPodAutoscaler (<c>autoscaling/v2</c>).</summary>
    Hpa,

    /// <summary>A KEDA <c>ScaledObject</c> (<c>keda.sh/v1alpha1</c>), which may also scale on request rate.</summary>
    Keda,
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
    string? AutoscalerText = null,
    AutoscalerKind? Autoscaler = AutoscalerKind.Hpa,
    string? PrometheusAddress = null,
    string? IstioVersion = null,
    string? LinkerdVersion = null)
{
    public const string PrometheusProperty = "SidecarGenPrometheus";
    public const string GatewayProperty = "SidecarGenGateway";
    public const string IngressClassProperty = "SidecarGenIngressClass";
    public const string IngressNamespaceProperty = "SidecarGenIngressNamespace";
    public const string SecretStoreProperty = "SidecarGenSecretStore";
    public const string AutoscalerProperty = "SidecarGenAutoscaler";
    public const string PrometheusAddressProperty = "SidecarGenPrometheusAddress";

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
        var autoscaler = get(AutoscalerProperty);
        return new ClusterAddOns(
            prometheus,
            prometheus is null ? PrometheusMode.Annotations : Parse<PrometheusMode>(prometheus),
            gateway,
            gateway is null ? null : QualifiedName.Parse(gateway),
            get(IngressClassProperty),
            get(IngressNamespaceProperty),
            store,
            store is null ? null : QualifiedName.Parse(store),
            autoscaler,
            autoscaler is null ? AutoscalerKind.Hpa : Parse<AutoscalerKind>(autoscaler),
            get(PrometheusAddressProperty),
            get(IstioVersionProperty),
            get(LinkerdVersionProperty));
    }

    /// <summary>The Prometheus mode in effect: annotations unless a monitor was asked for.</summary>
    public PrometheusMode Monitoring => Prometheus ?? PrometheusMode.Annotations;

    /// <summary>The autoscaler in effect: a HorizontalPodAutoscaler unless KEDA was asked for.</summary>
    public AutoscalerKind Scaler => Autoscaler ?? AutoscalerKind.Hpa;

    private static TEnum? Parse<TEnum>(string text)
        where TEnum : struct, Enum
    {
        foreach (TEnum value in Enum.GetValues(typeof(TEnum)))
        {
            if (string.Equals(text, value.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
