using System.Linq;
using SidecarGen.Pod;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>servicemonitor.yaml (SidecarGenPrometheus=ServiceMonitor): Prometheus Operator scrapes each named port of the metrics Service.</summary>
internal static class ServiceMonitorWriter
{
    public const string FileName = "servicemonitor.yaml";

    public static string Write(ServicePlan plan)
    {
        var yaml = Metadata.Begin(plan, "monitoring.coreos.com/v1", "ServiceMonitor", plan.Name);
        yaml.BeginMap("spec").BeginMap("selector");
        Metadata.Map(yaml, "matchLabels", Labels.Selector(plan).Append(new KeyValue(Labels.Component, Labels.Metrics))).EndMap();
        yaml.BeginSequence("endpoints");
        foreach (var endpoint in MetricsEndpoint.Of(plan))
        {
            yaml.BeginMap().Pair("port", endpoint.PortName).Pair("path", endpoint.Path).EndMap();
        }

        return yaml.EndSequence().EndMap().EndMap().Finish();
    }
}
