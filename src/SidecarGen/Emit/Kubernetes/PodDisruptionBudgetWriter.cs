using SidecarGen.Pod;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>
/// poddisruptionbudget.yaml: with more than one replica (or an autoscaler that may run more than one), a node
/// drain takes down one Pod at a time. <c>maxUnavailable</c>, not <c>minAvailable</c>: it never blocks a
/// drain, even at an autoscaler's <c>MinReplicas</c> of 1.
/// </summary>
internal static class PodDisruptionBudgetWriter
{
    public const string FileName = "poddisruptionbudget.yaml";

    public static string Write(ServicePlan plan)
    {
        var yaml = Metadata.Begin(plan, "policy/v1", "PodDisruptionBudget", plan.Name);
        yaml.BeginMap("spec").Pair("maxUnavailable", 1);
        Metadata.Selector(yaml, plan);
        return yaml.EndMap().EndMap().Finish();
    }
}
