using System.Collections.Generic;
using SidecarGen.Pod;
using SidecarGen.Yaml;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>
/// networkpolicy.yaml: other Pods reach only the entry port (and the sidecars' metrics ports, and the
/// ports of an injected mesh proxy that other Pods call), so nothing bypasses the auth or mesh proxy by
/// calling the app's port directly. A service that others in its system declare to call admits on its
/// entry port (and its mesh proxy's) only their Pods; one nobody calls stays open to every Pod, as the
/// entry of the system. The metrics ports stay open to Prometheus wherever it runs. The kubelet's probes
/// are node traffic and stay allowed. With a <c>Host</c>, the namespace of the gateway or ingress
/// controller is admitted to the entry port by name, so the route keeps working when the first rule is
/// narrowed to known callers.
/// </summary>
internal static class NetworkPolicyWriter
{
    public const string FileName = "networkpolicy.yaml";

    /// <summary>The label the API server puts on every namespace, with its name.</summary>
    public const string NamespaceNameLabel = "kubernetes.io/metadata.name";

    public static string Write(ServicePlan plan)
    {
        var yaml = Metadata.Begin(plan, "networking.k8s.io/v1", "NetworkPolicy", plan.Name);
        yaml.BeginMap("spec").BeginMap("podSelector");
        Metadata.Map(yaml, "matchLabels", Labels.Selector(plan)).EndMap();
        yaml.BeginSequence("policyTypes").String("Ingress").EndSequence().BeginSequence("ingress");
        // Lists with Contains rather than LINQ's Distinct: a handful of ports, and LINQ over ints is
        // JIT-compiled anew in each compiler process.
        var entryPorts = new List<int> { plan.Entry.Port };
        foreach (var sidecar in plan.Sidecars)
        {
            foreach (var port in sidecar.IngressPorts)
            {
                AddOnce(entryPorts, port);
            }
        }

        var metricsPorts = new List<int>();
        var everyPort = new List<int> { plan.Entry.Port };
        foreach (var endpoint in MetricsEndpoint.Of(plan))
        {
            if (!entryPorts.Contains(endpoint.Port))
            {
                AddOnce(metricsPorts, endpoint.Port);
            }

            AddOnce(everyPort, endpoint.Port);
        }

        foreach (var port in entryPorts)
        {
            AddOnce(everyPort, port);
        }

        if (plan.Callers.IsEmpty)
        {
            Rule(yaml, everyPort);
        }
        else
        {
            yaml.BeginMap().BeginSequence("from");
            foreach (var caller in plan.Callers)
            {
                yaml.BeginMap().BeginMap("podSelector");
                Metadata.Map(yaml, "matchLabels", PodLabels.Selector(caller)).EndMap().EndMap();
            }

            yaml.EndSequence();
            Ports(yaml, entryPorts);
            yaml.EndMap();
            if (metricsPorts.Count > 0)
            {
                Rule(yaml, metricsPorts);
            }
        }

        if (IngressNamespace.Of(plan) is { } controller)
        {
            yaml.BeginMap().BeginSequence("from").BeginMap().BeginMap("namespaceSelector").BeginMap("matchLabels")
                .Pair(NamespaceNameLabel, controller)
                .EndMap().EndMap().EndMap().EndSequence();
            Ports(yaml, plan.Entry.Port);
            yaml.EndMap();
        }

        return yaml.EndSequence().EndMap().EndMap().Finish();
    }

    /// <summary>A rule admitting every Pod on <paramref name="ports"/>.</summary>
    private static void Rule(YamlWriter yaml, List<int> ports)
    {
        yaml.BeginMap();
        Ports(yaml, ports);
        yaml.EndMap();
    }

    private static void AddOnce(List<int> ports, int port)
    {
        if (!ports.Contains(port))
        {
            ports.Add(port);
        }
    }

    private static void Ports(YamlWriter yaml, int port) => Ports(yaml, new List<int> { port });

    private static void Ports(YamlWriter yaml, List<int> ports)
    {
        yaml.BeginSequence("ports");
        foreach (var port in ports)
        {
            yaml.BeginMap().Pair("protocol", "TCP").Pair("port", port).EndMap();
        }

        yaml.EndSequence();
    }
}
