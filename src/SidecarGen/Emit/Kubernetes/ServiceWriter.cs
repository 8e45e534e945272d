using SidecarGen.Pod;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>service.yaml: port 80 to the Pod's entry point (the outermost traffic sidecar, else the app).</summary>
internal static class ServiceWriter
{
    public const string FileName = "service.yaml";

    public static string Write(ServicePlan plan)
    {
        var yaml = Metadata.Begin(plan, "v1", "Service", plan.Name);
        yaml.BeginMap("spec").Pair("type", "ClusterIP");
        Metadata.Map(yaml, "selector", Labels.Selector(plan));
        return yaml.BeginSequence("ports")
            .BeginMap()
            .Pair("name", "http")
            .Pair("port", 80)
            .Pair("targetPort", plan.Entry.PortName)
            .Pair("protocol", "TCP")
            .EndMap()
            .EndSequence()
            .EndMap()
            .EndMap()
            .Finish();
    }
}
