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

    /// <summary>The Service's one port, which routes and clients address.</summary>
    public const string PortName = "http";
    public const int Port = 80;

    public static string Write(ServicePlan plan)
    {
        var annotations = plan.Sidecars.SelectMany(sidecar => sidecar.ServiceAnnotations).ToList();
        var yaml = Metadata.Begin(plan, "v1", "Service", plan.Name, annotations: annotations);
        yaml.BeginMap("spec").Pair("type", "ClusterIP");
        Metadata.Map(yaml, "selector", Labels.Selector(plan));
        yaml.BeginSequence("ports")
            .BeginMap()
            .Pair("name", PortName)
            .Pair("port", Port)
            .Pair("targetPort", plan.Entry.PortName)
            .Pair("protocol", "TCP");
        if (plan.Sidecars.Select(sidecar => sidecar.ServiceAppProtocol).FirstOrDefault(protocol => protocol is not null) is { } appProtocol)
        {
            yaml.Pair("appProtocol", appProtocol);
        }
        else if (plan.AppIsEntry && plan.Protocol != ServiceProtocol.Http)
        {
            yaml.Pair("appProtocol", AppListener.AppProtocol(plan.Protocol));
        }

        return yaml.EndMap()
            .EndSequence()
            .EndMap()
            .EndMap()
            .Finish();
    }
}
