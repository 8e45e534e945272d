using SidecarGen.Pod;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>poddisruptionbudget.yaml: with more than one replica, a node drain takes down one Pod at a time.</summary>
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
