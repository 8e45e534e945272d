using SidecarGen.Pod;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>
/// serviceaccount.yaml: the Pod's own identity, named after the service, instead of the namespace's
/// <c>default</c> that every other Pod shares. A mesh names its certificates after it (Istio's
/// <c>…/ns/&lt;namespace&gt;/sa/&lt;name&gt;</c>, Linkerd's <c>&lt;name&gt;.&lt;namespace&gt;.serviceaccount…</c>), so each
/// service is a distinct caller to admit or refuse. No token is mounted, here or in the Pod.
/// </summary>
internal static class ServiceAccountWriter
{
    public const string FileName = "serviceaccount.yaml";

    public static string Write(ServicePlan plan) =>
        Metadata.Begin(plan, "v1", "ServiceAccount", plan.Name)
            .Pair("automountServiceAccountToken", false)
            .EndMap()
            .Finish();
}
