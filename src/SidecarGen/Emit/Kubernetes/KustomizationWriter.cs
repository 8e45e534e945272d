using System.Collections.Generic;
using SidecarGen.Yaml;
using SidecarGen.Pod;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>kustomization.yaml: lists the other files so <c>kubectl apply -k</c> applies them together.</summary>
internal static class KustomizationWriter
{
    public const string FileName = "kustomization.yaml";

    public static string Write(ServicePlan plan, IEnumerable<string> resources) => Write(plan.Namespace, resources);

    /// <summary>A kustomization of <paramref name="resources"/> (files, or folders holding kustomizations), all in <paramref name="namespace"/> when set.</summary>
    public static string Write(string? @namespace, IEnumerable<string> resources)
    {
        var yaml = new YamlWriter().BeginMap()
            .Pair("apiVersion", "kustomize.config.k8s.io/v1beta1")
            .Pair("kind", "Kustomization");
        if (@namespace is { } ns)
        {
            yaml.Pair("namespace", ns);
        }

        yaml.BeginSequence("resources");
        foreach (var resource in resources)
        {
            yaml.String(resource);
        }

        return yaml.EndSequence().EndMap().Finish();
    }
}
