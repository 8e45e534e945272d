using SidecarGen.Pod;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>podmonitor.yaml (SidecarGenPrometheus=PodMonitor): Prometheus Operator scrapes every metrics port of this service's Pods by name.</summary>
internal static class PodMonitorWriter
{
    public const string FileName = "podmonitor.yaml";

    public static string Write(ServicePlan plan)
    {
        var yaml = Metadata.Begin(plan, "monitoring.coreos.com/v1", "PodMonitor", plan.Name);
        yaml.BeginMap("spec");
        Metadata.Selector(yaml, plan);
        yaml.BeginSequence("podMetricsEndpoints");
        foreach (var endpoint in MetricsEndpoint.Of(plan))
        {
            yaml.BeginMap().Pair("port", endpoint.PortName).Pair("path", endpoint.Path).EndMap();
        }

        return yaml.EndSequence().EndMap().EndMap().Finish();
    }
}
