using System.Collections.Generic;
using System.Linq;
using SidecarGen.Pod;
using SidecarGen.Yaml;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>
/// namespace.yaml, with <c>SidecarGenNamespace</c>: the namespace the kustomization puts everything in,
/// so <c>kubectl apply -k</c> works on an empty cluster. Labelled for the Pod Security Standards: every
/// Pod SidecarGen writes meets <c>restricted</c>, so the namespace enforces it. A proxy that Istio or
/// Linkerd injects is not ours: without their CNI plugin its init container needs NET_ADMIN and NET_RAW,
/// which <c>restricted</c> (and <c>baseline</c>) refuse, so with an injected mesh the namespace only warns
/// and audits against <c>restricted</c>.
/// </summary>
internal static class NamespaceWriter
{
    public const string FileName = "namespace.yaml";

    private const string PodSecurity = "pod-security.kubernetes.io/";
    private const string Restricted = "restricted";

    /// <param name="namespace">Its name, <c>SidecarGenNamespace</c>.</param>
    /// <param name="plans">Every service the namespace holds.</param>
    public static string Write(string @namespace, IEnumerable<ServicePlan> plans)
    {
        var yaml = new YamlWriter().BeginMap()
            .Pair("apiVersion", "v1")
            .Pair("kind", "Namespace")
            .BeginMap("metadata")
            .Pair("name", @namespace)
            .BeginMap("labels")
            .Pair("app.kubernetes.io/managed-by", Labels.ManagedBy);
        var modes = plans.Any(plan => plan.Sidecars.Any(sidecar => sidecar.Injected)) ? new[] { "audit", "warn" } : new[] { "audit", "enforce", "warn" };
        foreach (var mode in modes)
        {
            yaml.Pair(PodSecurity + mode, Restricted);
        }

        return yaml.EndMap().EndMap().EndMap().Finish();
    }
}
