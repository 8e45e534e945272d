using SidecarGen.Pod;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>ingress.yaml (<c>Host</c> without SidecarGenGateway): the ingress controller of SidecarGenIngressClass (else the cluster's default class) sends the host to the Service.</summary>
internal static class IngressWriter
{
    public const string FileName = "ingress.yaml";

    public static string Write(ServicePlan plan, string host)
    {
        var yaml = Metadata.Begin(plan, "networking.k8s.io/v1", "Ingress", plan.Name);
        yaml.BeginMap("spec");
        if (plan.AddOns.IngressClass is { } ingressClass)
        {
            yaml.Pair("ingressClassName", ingressClass);
        }

        return yaml.BeginSequence("rules").BeginMap()
            .Pair("host", host)
            .BeginMap("http").BeginSequence("paths").BeginMap()
            .Pair("path", "/")
            .Pair("pathType", "Prefix")
            .BeginMap("backend").BeginMap("service")
            .Pair("name", plan.Name)
            .BeginMap("port").Pair("name", ServiceWriter.PortName).EndMap()
            .EndMap().EndMap()
            .EndMap().EndSequence().EndMap()
            .EndMap().EndSequence()
            .EndMap()
            .EndMap()
            .Finish();
    }
}
