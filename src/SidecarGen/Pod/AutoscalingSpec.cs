using SidecarGen.Model;

namespace SidecarGen.Pod;

/// <summary>
/// How the service scales: <paramref name="Scaler"/> between <paramref name="MinReplicas"/> and
/// <paramref name="MaxReplicas"/> Pods on the app container's CPU and memory (percent of its requests; 0 =
/// not a target). <paramref name="ContainerMetrics"/> says the cluster measures one container
/// (<c>ContainerResource</c>, on by default from Kubernetes 1.27); without it the whole Pod, sidecars
/// included, is measured. KEDA may also scale on <paramref name="TargetRequestsPerSecond"/> per Pod, read
/// from the Prometheus server at <paramref name="PrometheusAddress"/>.
/// </summary>
internal sealed record AutoscalingSpec(
    AutoscalerKind Scaler,
    int MinReplicas,
    int MaxReplicas,
    int TargetCpuUtilization,
    int TargetMemoryUtilization,
    bool ContainerMetrics,
    int TargetRequestsPerSecond,
    string? PrometheusAddress)
{
    /// <summary>The autoscaling of <paramref name="options"/> under <paramref name="addOns"/>; null when the service is not autoscaled.</summary>
    public static AutoscalingSpec? Of(AutoscalingOptions options, ClusterAddOns addOns, bool containerMetrics) =>
        options.Enabled
            ? new AutoscalingSpec(
                addOns.Scaler,
                options.MinReplicas,
                options.MaxReplicas,
                options.TargetCpuUtilization,
                options.TargetMemoryUtilization,
                containerMetrics,
                options.TargetRequestsPerSecond,
                addOns.PrometheusAddress)
            : null;
}
