using SidecarGen.Pod;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>
/// service-metrics.yaml (SidecarGenPrometheus=ServiceMonitor): a headless Service naming each metrics
/// port, for the ServiceMonitor to select. A Service of its own keeps the metrics ports off the
/// service clients and routes use, and lets the ServiceMonitor select it alone by its component label.
/// </summary>
internal static class MetricsServiceWriter
{
    public const string FileName = "service-metrics.yaml";

    public static string Name(ServicePlan plan) => Naming.Suffixed(plan.Name, "-metrics");

    public static string Write(ServicePlan plan)
    {
        var yaml = Metadata.Begin(plan, "v1", "Service", Name(plan), Labels.Metrics);
        yaml.BeginMap("spec").Pair("type", "ClusterIP").Pair("clusterIP", "None");
        Metadata.Map(yaml, "selector", Labels.Selector(plan));
        yaml.BeginSequence("ports");
        foreach (var endpoint in MetricsEndpoint.Of(plan))
        {
            yaml.BeginMap()
                .Pair("name", endpoint.PortName)
                .Pair("port", endpoint.Port)
                .Pair("targetPort", endpoint.PortName)
                .Pair("protocol", "TCP")
                .EndMap();
        }

        return yaml.EndSequence().EndMap().EndMap().Finish();
    }
}
