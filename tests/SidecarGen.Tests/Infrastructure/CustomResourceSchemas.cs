using System.Text.Json.Nodes;

namespace SidecarGen.Tests.Infrastructure;

/// <summary>
/// The add-ons' CustomResourceDefinitions as their projects publish them (copies in Schemas/crds), and
/// the check the API server's structural schema makes that the npm schemas leave out: every field an
/// object sets is one its CRD defines (a misspelt field would otherwise be pruned silently), in a
/// version the CRD serves, with every required field present.
/// </summary>
internal static class CustomResourceSchemas
{
    /// <summary>The newest CRDs (Schemas/crds), and the mesh and add-on CRDs of the oldest supported releases (Schemas/crds-oldest).</summary>
    public const string Newest = "crds";
    public const string Oldest = "crds-oldest";

    private static readonly Dictionary<string, Lazy<IReadOnlyList<JsonNode>>> Definitions = new[] { Newest, Oldest }.ToDictionary(
        folder => folder,
        folder => new Lazy<IReadOnlyList<JsonNode>>(() =>
            Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Schemas", folder), "*.yaml")
                .Select(file => YamlJson.Parse(File.ReadAllText(file)))
                .ToList()));

    /// <summary>What the CRD of <paramref name="resource"/> does not accept; empty when it accepts it all.</summary>
    public static IReadOnlyList<string> Violations(JsonNode resource) => Violations(resource, Newest);

    /// <summary>What the CRD of <paramref name="resource"/> in <paramref name="folder"/> of Schemas does not accept.</summary>
    public static IReadOnlyList<string> Violations(JsonNode resource, string folder)
    {
        var apiVersion = (string)resource["apiVersion"]!;
        var group = apiVersion[..apiVersion.IndexOf('/')];
        var version = apiVersion[(apiVersion.IndexOf('/') + 1)..];
        var kind = (string)resource["kind"]!;
        var definition = Definitions[folder].Value.SingleOrDefault(crd => (string?)crd["spec"]!["group"] == group && (string?)crd["spec"]!["names"]!["kind"] == kind);
        if (definition is null)
        {
            return new[] { $"no CRD for {apiVersion} {kind} in Schemas/{folder}" };
        }

        var served = definition["spec"]!["versions"]!.AsArray().SingleOrDefault(v => (string?)v!["name"] == version && (bool?)v["served"] == true);
        if (served is null)
        {
            return new[] { $"{definition["metadata"]!["name"]} serves no version {version}" };
        }

        var violations = new List<string>();
        var schema = served["schema"]!["openAPIV3Schema"]!;
        // apiVersion, kind and metadata are every object's; some CRDs (Istio's) leave them out of their schema.
        foreach (var (key, value) in resource.AsObject().Where(p => p.Key is not ("apiVersion" or "kind" or "metadata")))
        {
            Check(value, schema["properties"]?[key], key, violations);
        }

        return violations;
    }

    private static void Check(JsonNode? value, JsonNode? schema, string path, List<string> violations)
    {
        if (schema is null)
        {
            violations.Add($"{path}: not a field of the CRD");
            return;
        }

        if (value is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(array[i], schema["items"], $"{path}[{i}]", violations);
            }
        }
        else if (value is JsonObject map && (bool?)schema["x-kubernetes-preserve-unknown-fields"] != true)
        {
            var properties = schema["properties"]?.AsObject();
            foreach (var (key, item) in map)
            {
                Check(item, properties is not null && properties.TryGetPropertyValue(key, out var property) ? property : schema["additionalProperties"] as JsonObject, path + "." + key, violations);
            }

            foreach (var required in schema["required"]?.AsArray().Select(r => (string)r!) ?? Enumerable.Empty<string>())
            {
                if (!map.ContainsKey(required))
                {
                    violations.Add($"{path}: lacks the required field {required}");
                }
            }
        }
    }
}
