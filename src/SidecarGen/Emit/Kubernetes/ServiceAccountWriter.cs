using SidecarGen.Pod;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>
/// serviceaccount.yaml: the Pod's own identity (<see cref="ServiceAccounts"/>), instead of the
/// namespace's <c>default</c> that every other Pod shares, so a mesh can tell each service apart as a
/// caller to admit or refuse. No token is mounted, here or in the Pod.
/// </summary>
internal static class ServiceAccountWriter
{
    public const string FileName = "serviceaccount.yaml";

    public static string Write(ServicePlan plan) =>
        Metadata.Begin(plan, "v1", "ServiceAccount", ServiceAccounts.Of(plan.Name))
            .Pair("automountServiceAccountToken", false)
            .EndMap()
            .Finish();
}
