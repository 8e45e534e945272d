using System.Linq;
using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Rules;

namespace SidecarGen.Validation;

/// <summary>
/// The autoscaling properties of <c>[SidecarService]</c>: bounds and targets that cannot work (SCG0036), a
/// Kubernetes that measures only whole Pods (SCG0037), and settings without effect (SCG0038). A bad
/// <c>SidecarGenAutoscaler</c> is SCG0023 (<see cref="AddOnRules"/>).
/// </summary>
internal static class AutoscalingRules
{
    private const string MinReplicas = nameof(SidecarServiceAttribute.MinReplicas);
    private const string MaxReplicas = nameof(SidecarServiceAttribute.MaxReplicas);
    private const string Replicas = nameof(SidecarServiceAttribute.Replicas);
    private const string TargetCpu = nameof(SidecarServiceAttribute.TargetCpuUtilization);
    private const string TargetMemory = nameof(SidecarServiceAttribute.TargetMemoryUtilization);
    private const string TargetRequests = nameof(SidecarServiceAttribute.TargetRequestsPerSecond);

    public static void Check(ValidationContext context)
    {
        var autoscaling = context.Service.Autoscaling;
        var findings = context.ServiceFindings;
        Targets(findings, autoscaling);
        if (autoscaling.MaxReplicas < 0)
        {
            findings.Report(RuleIds.InvalidAutoscaling, MaxReplicas, $"{MaxReplicas} must be 0 (not autoscaled) or more");
        }

        if (!autoscaling.Enabled)
        {
            foreach (var property in new[] { MinReplicas, TargetCpu, TargetMemory, TargetRequests }.Where(property => Written(context, property)))
            {
                findings.Report(RuleIds.AutoscalingWithoutEffect, property, $"{property} has no effect: the service is autoscaled only with {MaxReplicas} above 0");
            }

            return;
        }

        Bounds(context, autoscaling);
        if (Written(context, Replicas) && Written(context, MinReplicas))
        {
            findings.Report(
                RuleIds.AutoscalingWithoutEffect,
                Replicas,
                $"{Replicas} has no effect with {MaxReplicas}: the autoscaler keeps between {MinReplicas} ({autoscaling.MinReplicas}) and {MaxReplicas} ({autoscaling.MaxReplicas}) Pods, and the Deployment carries no replicas");
        }

        if (autoscaling.TargetRequestsPerSecond > 0 && context.Settings.AddOns.Autoscaler == AutoscalerKind.Hpa)
        {
            findings.Report(
                RuleIds.AutoscalingWithoutEffect,
                TargetRequests,
                $"{TargetRequests} has no effect with a HorizontalPodAutoscaler, which reads request rates only through a custom metrics adapter: set {ClusterAddOns.AutoscalerProperty} to Keda");
        }

        if (autoscaling.TargetRequestsPerSecond > 0 && context.Settings.AddOns.Autoscaler == AutoscalerKind.Keda && context.Settings.AddOns.PrometheusAddress is null)
        {
            findings.Report(
                RuleIds.AutoscalingWithoutEffect,
                TargetRequests,
                $"{TargetRequests} has no effect without {ClusterAddOns.PrometheusAddressProperty}, the Prometheus server KEDA reads the request rate from");
        }
    }

    /// <summary>On the plan: which containers the autoscaler measures (SCG0037), and whether any sidecar counts requests (SCG0038).</summary>
    public static void Check(ValidationContext context, ServicePlan plan)
    {
        if (plan.Autoscaling is not { } autoscaling)
        {
            return;
        }

        if (!autoscaling.ContainerMetrics && !plan.Sidecars.IsEmpty)
        {
            var proxy = plan.Sidecars.FirstOrDefault(sidecar => sidecar.Injected && sidecar.Container.Resources.CpuRequest == "0");
            context.ServiceFindings.Report(
                RuleIds.NoContainerMetrics,
                MaxReplicas,
                $"SidecarGenKubernetesVersion {context.Settings.KubernetesVersion} cannot measure one container (ContainerResource metrics are on by default from Kubernetes 1.27): the autoscaler averages the whole Pod, sidecars included, so lightly loaded sidecars hide a busy app and it scales out later than {TargetCpu} says"
                + (proxy is null ? string.Empty : $"; and every container needs a CPU request, so give the injected '{proxy.Name}' one (CpuRequest on [ServiceMeshSidecar]) unless the mesh sets it"));
        }

        if (autoscaling is { Scaler: AutoscalerKind.Keda, TargetRequestsPerSecond: > 0, PrometheusAddress: not null } && RequestMetric.Of(plan) is null)
        {
            context.ServiceFindings.Report(
                RuleIds.AutoscalingWithoutEffect,
                TargetRequests,
                $"{TargetRequests} has no effect: no sidecar counts the requests coming in (add [ServiceMeshSidecar] or [MetricsSidecar])");
        }
    }

    private static void Targets(AttributeFindings findings, AutoscalingOptions autoscaling)
    {
        if (autoscaling.TargetCpuUtilization is < 1 or > 100)
        {
            findings.Report(RuleIds.InvalidAutoscaling, TargetCpu, $"{TargetCpu} {autoscaling.TargetCpuUtilization} is not a percentage of the CPU request from 1 to 100");
        }

        if (autoscaling.TargetMemoryUtilization is < 0 or > 100)
        {
            findings.Report(RuleIds.InvalidAutoscaling, TargetMemory, $"{TargetMemory} {autoscaling.TargetMemoryUtilization} is not a percentage of the memory request from 1 to 100 (or 0, memory is not a target)");
        }

        if (autoscaling.TargetRequestsPerSecond < 0)
        {
            findings.Report(RuleIds.InvalidAutoscaling, TargetRequests, $"{TargetRequests} must be 0 (requests are not a target) or more");
        }
    }

    /// <summary>
    /// <c>MinReplicas</c> defaults to <c>Replicas</c>, so a bad minimum is reported where it was written: at
    /// <c>MinReplicas</c>, else at <c>Replicas</c>, else (both defaults) at <c>MaxReplicas</c>.
    /// </summary>
    private static void Bounds(ValidationContext context, AutoscalingOptions autoscaling)
    {
        var at = Written(context, MinReplicas) ? MinReplicas : Written(context, Replicas) ? Replicas : MaxReplicas;
        var minimum = at == MinReplicas ? $"{MinReplicas} {autoscaling.MinReplicas}" : $"{MinReplicas} {autoscaling.MinReplicas} (the {Replicas} it defaults to)";
        if (autoscaling.MinReplicas < 1)
        {
            context.ServiceFindings.Report(
                RuleIds.InvalidAutoscaling,
                at,
                $"{minimum} must be 1 or more: a HorizontalPodAutoscaler does not scale to zero (the HPAScaleToZero feature gate is alpha), nor can KEDA's cpu and memory triggers scale back from zero");
        }
        else if (autoscaling.MinReplicas > autoscaling.MaxReplicas)
        {
            context.ServiceFindings.Report(RuleIds.InvalidAutoscaling, at, $"{minimum} exceeds {MaxReplicas} {autoscaling.MaxReplicas}");
        }
    }

    private static bool Written(ValidationContext context, string property) => context.Declaration.ServiceWritten.Contains(property);
}
