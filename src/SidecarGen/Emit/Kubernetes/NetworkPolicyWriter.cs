using System.Collections.Generic;
using System.Linq;
using SidecarGen.Pod;
using SidecarGen.Yaml;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>
/// networkpolicy.yaml: other Pods reach only the entry port (and the sidecars' declared scrape
/// ports), so nothing bypasses the auth or mesh proxy by calling the app's port directly. A service
/// that others in its system declare to call admits on its entry port only their Pods; one nobody
/// calls stays open to every Pod, as the entry of the system (an ingress controller reaches it).
/// The kubelet's probes are node traffic and stay allowed.
/// </summary>
internal static class NetworkPolicyWriter
{
    public const string FileName = "networkpolicy.yaml";

    public static string Write(ServicePlan plan)
    {
        var yaml = Metadata.Begin(plan, "networking.k8s.io/v1", "NetworkPolicy", plan.Name);
        yaml.BeginMap("spec").BeginMap("podSelector");
        Metadata.Map(yaml, "matchLabels", Labels.Selector(plan)).EndMap();
        yaml.BeginSequence("policyTypes").String("Ingress").EndSequence().BeginSequence("ingress");
        var scrapePorts = ScrapePorts(plan).Where(port => port != plan.Entry.Port).Distinct().ToList();
        if (plan.Callers.IsEmpty)
        {
            Rule(yaml, new[] { plan.Entry.Port }.Concat(scrapePorts), callers: null);
        }
        else
        {
            Rule(yaml, new[] { plan.Entry.Port }, plan.Callers);
            if (scrapePorts.Count > 0)
            {
                // Prometheus scrapes from wherever it runs, so the metrics ports stay open to it.
                Rule(yaml, scrapePorts, callers: null);
            }
        }

        return yaml.EndSequence().EndMap().EndMap().Finish();
    }

    private static void Rule(YamlWriter yaml, IEnumerable<int> ports, IEnumerable<string>? callers)
    {
        yaml.BeginMap();
        if (callers is not null)
        {
            yaml.BeginSequence("from");
            foreach (var caller in callers)
            {
                yaml.BeginMap().BeginMap("podSelector");
                Metadata.Map(yaml, "matchLabels", Labels.Selector(caller)).EndMap().EndMap();
            }

            yaml.EndSequence();
        }

        yaml.BeginSequence("ports");
        foreach (var port in ports)
        {
            yaml.BeginMap().Pair("protocol", "TCP").Pair("port", port).EndMap();
        }

        yaml.EndSequence().EndMap();
    }

    private static IEnumerable<int> ScrapePorts(ServicePlan plan) =>
        plan.Sidecars
            .SelectMany(sidecar => sidecar.PodAnnotations)
            .Where(annotation => annotation.Key == "prometheus.io/port")
            .Select(annotation => int.TryParse(annotation.Value, out var port) ? port : 0)
            .Where(port => port > 0);
}
