using System.Linq;
using SidecarGen.Pod;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>
/// networkpolicy.yaml: other Pods reach only the entry port (and the sidecars' declared scrape
/// ports, and the telemetry port of an injected mesh proxy), so nothing bypasses the auth or mesh
/// proxy by calling the app's port directly. The kubelet's probes are node traffic and stay allowed.
/// </summary>
internal static class NetworkPolicyWriter
{
    public const string FileName = "networkpolicy.yaml";

    public static string Write(ServicePlan plan)
    {
        var yaml = Metadata.Begin(plan, "networking.k8s.io/v1", "NetworkPolicy", plan.Name);
        yaml.BeginMap("spec").BeginMap("podSelector");
        Metadata.Map(yaml, "matchLabels", Labels.Selector(plan)).EndMap();
        yaml.BeginSequence("policyTypes").String("Ingress").EndSequence()
            .BeginSequence("ingress").BeginMap().BeginSequence("ports");
        foreach (var port in new[] { plan.Entry.Port }.Concat(ScrapePorts(plan)).Concat(plan.Sidecars.SelectMany(sidecar => sidecar.IngressPorts)).Distinct())
        {
            yaml.BeginMap().Pair("protocol", "TCP").Pair("port", port).EndMap();
        }

        return yaml.EndSequence().EndMap().EndSequence().EndMap().EndMap().Finish();
    }

    private static System.Collections.Generic.IEnumerable<int> ScrapePorts(ServicePlan plan) =>
        plan.Sidecars
            .SelectMany(sidecar => sidecar.PodAnnotations)
            .Where(annotation => annotation.Key == "prometheus.io/port")
            .Select(annotation => int.TryParse(annotation.Value, out var port) ? port : 0)
            .Where(port => port > 0);
}
