using SidecarGen.Pod;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>httproute.yaml (<c>Host</c> with SidecarGenGateway): the Gateway sends every request for the host to the Service.</summary>
internal static class HttpRouteWriter
{
    public const string FileName = "httproute.yaml";

    public static string Write(ServicePlan plan, Model.QualifiedName gateway, string host)
    {
        var yaml = Metadata.Begin(plan, "gateway.networking.k8s.io/v1", "HTTPRoute", plan.Name);
        return yaml.BeginMap("spec")
            .BeginSequence("parentRefs").BeginMap()
            .Pair("name", gateway.Name)
            .Pair("namespace", gateway.Qualifier)
            .EndMap().EndSequence()
            .BeginSequence("hostnames").String(host).EndSequence()
            .BeginSequence("rules").BeginMap()
            .BeginSequence("matches").BeginMap().BeginMap("path").Pair("type", "PathPrefix").Pair("value", "/").EndMap().EndMap().EndSequence()
            .BeginSequence("backendRefs").BeginMap().Pair("name", plan.Name).Pair("port", ServiceWriter.Port).EndMap().EndSequence()
            .EndMap().EndSequence()
            .EndMap()
            .EndMap()
            .Finish();
    }
}
