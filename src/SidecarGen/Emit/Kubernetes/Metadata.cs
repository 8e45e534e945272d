using System.Collections.Generic;
using SidecarGen.Pod;
using SidecarGen.Yaml;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>The header every object shares: apiVersion, kind and metadata with the standard labels.</summary>
internal static class Metadata
{
    public static YamlWriter Begin(ServicePlan plan, string apiVersion, string kind, string name, string component = Labels.Server, IReadOnlyCollection<KeyValue>? annotations = null)
    {
        var yaml = new YamlWriter().BeginMap()
            .Pair("apiVersion", apiVersion)
            .Pair("kind", kind)
            .BeginMap("metadata")
            .Pair("name", name);
        if (plan.Namespace is { } ns)
        {
            yaml.Pair("namespace", ns);
        }

        Map(yaml, "labels", Labels.All(plan, component));
        if (annotations is { Count: > 0 })
        {
            Map(yaml, "annotations", annotations);
        }

        return yaml.EndMap();
    }

    public static YamlWriter Map(YamlWriter yaml, string key, IEnumerable<KeyValue> entries)
    {
        yaml.BeginMap(key);
        foreach (var entry in entries)
        {
            yaml.Pair(entry.Key, entry.Value);
        }

        return yaml.EndMap();
    }

    public static YamlWriter Selector(YamlWriter yaml, ServicePlan plan) =>
        Map(yaml.BeginMap("selector"), "matchLabels", Labels.Selector(plan)).EndMap();
}
