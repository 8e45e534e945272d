using System.Globalization;
using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Yaml;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>
/// The autoscaler of an autoscaled service (<c>SidecarGenAutoscaler</c>): a HorizontalPodAutoscaler, or a
/// KEDA ScaledObject, which creates and owns one. Both measure the app's container alone
/// (<c>ContainerResource</c>, KEDA's <c>containerName</c>): a Pod-wide average would count the lightly
/// loaded sidecars and hide a saturated app. Below Kubernetes 1.27 (SCG0037) they measure the Pod.
/// </summary>
internal static class AutoscalerWriter
{
    /// <summary>Scale down after five minutes of lower demand (the HPA default, written to be seen), by at most half the Pods a minute.</summary>
    private const int ScaleDownWindowSeconds = 300;
    private const int ScaleDownPercentPerMinute = 50;

    /// <summary>The window of the request rate, long enough to span several scrapes at the usual 15-30 s interval.</summary>
    private const string RateWindow = "2m";

    public static string FileName(AutoscalingSpec autoscaling) =>
        autoscaling.Scaler == AutoscalerKind.Keda ? "scaledobject.yaml" : "horizontalpodautoscaler.yaml";

    public static string Write(ServicePlan plan, AutoscalingSpec autoscaling) =>
        autoscaling.Scaler == AutoscalerKind.Keda ? ScaledObject(plan, autoscaling) : HorizontalPodAutoscaler(plan, autoscaling);

    private static string HorizontalPodAutoscaler(ServicePlan plan, AutoscalingSpec autoscaling)
    {
        var yaml = Metadata.Begin(plan, "autoscaling/v2", "HorizontalPodAutoscaler", plan.Name);
        yaml.BeginMap("spec");
        ScaleTarget(yaml, plan);
        yaml.Pair("minReplicas", autoscaling.MinReplicas)
            .Pair("maxReplicas", autoscaling.MaxReplicas)
            .BeginSequence("metrics");
        foreach (var target in Targets(autoscaling))
        {
            yaml.BeginMap();
            if (autoscaling.ContainerMetrics)
            {
                yaml.Pair("type", "ContainerResource").BeginMap("containerResource").Pair("name", target.Resource).Pair("container", plan.App.Name);
            }
            else
            {
                yaml.Pair("type", "Resource").BeginMap("resource").Pair("name", target.Resource);
            }

            yaml.BeginMap("target").Pair("type", "Utilization").Pair("averageUtilization", target.Percent).EndMap()
                .EndMap().EndMap();
        }

        yaml.EndSequence();
        Behavior(yaml);
        return yaml.EndMap().EndMap().Finish();
    }

    private static string ScaledObject(ServicePlan plan, AutoscalingSpec autoscaling)
    {
        var yaml = Metadata.Begin(plan, "keda.sh/v1alpha1", "ScaledObject", plan.Name);
        yaml.BeginMap("spec");
        ScaleTarget(yaml, plan);
        // KEDA's own default minimum is 0, which its cpu and memory triggers cannot scale back from.
        yaml.Pair("minReplicaCount", autoscaling.MinReplicas)
            .Pair("maxReplicaCount", autoscaling.MaxReplicas)
            .BeginMap("advanced").BeginMap("horizontalPodAutoscalerConfig");
        Behavior(yaml);
        yaml.EndMap().EndMap().BeginSequence("triggers");
        foreach (var target in Targets(autoscaling))
        {
            yaml.BeginMap().Pair("type", target.Resource).Pair("metricType", "Utilization")
                .BeginMap("metadata").Pair("value", target.Percent.ToString(CultureInfo.InvariantCulture));
            if (autoscaling.ContainerMetrics)
            {
                yaml.Pair("containerName", plan.App.Name);
            }

            yaml.EndMap().EndMap();
        }

        if (RequestTrigger(plan, autoscaling) is { } query)
        {
            // The query sums the service's requests per second; KEDA's threshold is what each Pod should take.
            yaml.BeginMap().Pair("type", "prometheus")
                .BeginMap("metadata")
                .Pair("serverAddress", autoscaling.PrometheusAddress!)
                .Pair("query", query)
                .Pair("threshold", autoscaling.TargetRequestsPerSecond.ToString(CultureInfo.InvariantCulture))
                .EndMap().EndMap();
        }

        return yaml.EndSequence().EndMap().EndMap().Finish();
    }

    /// <summary>The request-rate query, when a target, a Prometheus server and a sidecar that counts requests are all there (else SCG0038 says which is missing).</summary>
    public static string? RequestTrigger(ServicePlan plan, AutoscalingSpec autoscaling) =>
        autoscaling is { Scaler: AutoscalerKind.Keda, TargetRequestsPerSecond: > 0, PrometheusAddress: not null } && RequestMetric.Of(plan) is { } metric
            ? "sum(rate(" + metric.Selector + "[" + RateWindow + "]))"
            : null;

    /// <summary>CPU always, memory when it has a target; a record class, not a tuple (docs/architecture.md, "Code that runs in a new compiler").</summary>
    private static UtilizationTarget[] Targets(AutoscalingSpec autoscaling) =>
        autoscaling.TargetMemoryUtilization > 0
            ? new[] { new UtilizationTarget("cpu", autoscaling.TargetCpuUtilization), new UtilizationTarget("memory", autoscaling.TargetMemoryUtilization) }
            : new[] { new UtilizationTarget("cpu", autoscaling.TargetCpuUtilization) };

    private static void ScaleTarget(YamlWriter yaml, ServicePlan plan) =>
        yaml.BeginMap("scaleTargetRef")
            .Pair("apiVersion", "apps/v1")
            .Pair("kind", "Deployment")
            .Pair("name", plan.Name)
            .EndMap();

    private static void Behavior(YamlWriter yaml) =>
        yaml.BeginMap("behavior").BeginMap("scaleDown")
            .Pair("stabilizationWindowSeconds", ScaleDownWindowSeconds)
            .BeginSequence("policies")
            .BeginMap().Pair("type", "Percent").Pair("value", ScaleDownPercentPerMinute).Pair("periodSeconds", 60).EndMap()
            .EndSequence()
            .EndMap().EndMap();

    private sealed record UtilizationTarget(string Resource, int Percent);
}
