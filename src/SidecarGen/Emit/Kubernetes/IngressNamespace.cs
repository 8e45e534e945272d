using SidecarGen.Pod;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>Where the traffic for <c>Host</c> comes from: the Gateway's (or ingress controller's) namespace.</summary>
internal static class IngressNamespace
{
    /// <summary>
    /// <c>SidecarGenIngressNamespace</c> when set (the proxies of some Gateway implementations run outside
    /// the Gateway's namespace), else the Gateway's namespace; null for an Ingress without it, whose
    /// controller's namespace SidecarGen cannot know.
    /// </summary>
    public static string? Of(ServicePlan plan) =>
        plan.Host is null ? null : plan.AddOns.IngressNamespace ?? plan.AddOns.Gateway?.Qualifier;
}
