using System.Linq;
using SidecarGen.Pod;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>
/// service.yaml: port 80 to the Pod's entry point (the outermost traffic sidecar, else the app), with
/// what the sidecars add: annotations (a mesh's retry and timeout policy) and the port's <c>appProtocol</c>.
/// </summary>
internal static class ServiceWriter
{
    public const string FileName = "service.yaml";

    public static string Write(ServicePlan plan)
    {
        var annotations = plan.Sidecars.SelectMany(sidecar => sidecar.ServiceAnnotations).ToList();
        var yaml = Metadata.Begin(plan, "v1", "Service", plan.Name, annotations);
        yaml.BeginMap("spec").Pair("type", "ClusterIP");
        Metadata.Map(yaml, "selector", Labels.Selector(plan));
        yaml.BeginSequence("ports")
            .BeginMap()
            .Pair("name", "http")
            .Pair("port", 80)
            .Pair("targetPort", plan.Entry.PortName)
            .Pair("protocol", "TCP");
        if (plan.Sidecars.Select(sidecar => sidecar.ServiceAppProtocol).FirstOrDefault(protocol => protocol is not null) is { } appProtocol)
        {
            yaml.Pair("appProtocol", appProtocol);
        }

        return yaml.EndMap()
            .EndSequence()
            .EndMap()
            .EndMap()
            .Finish();
    }
}
