namespace SidecarGen.Pod;

/// <summary>
/// The Kubernetes ServiceAccount a service's Pods run as: its own, named after the service. A mesh
/// names a workload by it (Istio's <c>…/ns/&lt;namespace&gt;/sa/&lt;name&gt;</c>, Linkerd's identity refs),
/// so the account that serviceaccount.yaml creates, the Pod's <c>serviceAccountName</c> and the
/// callers a mesh policy admits all come from here.
/// </summary>
internal static class ServiceAccounts
{
    public static string Of(string serviceName) => serviceName;
}
