using SidecarGen.Pod;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>service.yaml: port 80 to the Pod's entry point (the outermost traffic sidecar, else the app).</summary>
internal static class ServiceWriter
{
    public const string FileName = "service.yaml";

    /// <summary>The Service's one port, which routes and clients address.</summary>
    public const string PortName = "http";
    public const int Port = 80;

    public static string Write(ServicePlan plan)
    {
        var yaml = Metadata.Begin(plan, "v1", "Service", plan.Name);
        yaml.BeginMap("spec").Pair("type", "ClusterIP");
        Metadata.Map(yaml, "selector", Labels.Selector(plan));
        return yaml.BeginSequence("ports")
            .BeginMap()
            .Pair("name", PortName)
            .Pair("port", Port)
            .Pair("targetPort", plan.Entry.PortName)
            .Pair("protocol", "TCP")
            .EndMap()
            .EndSequence()
            .EndMap()
            .EndMap()
            .Finish();
    }
}
