using System.Text.Json.Nodes;

namespace SidecarGen.Tests.Infrastructure;

/// <summary>
/// A filebeat.yml walked against Filebeat's config keys (Schemas/log-agents/filebeat-*.json): a dotted key is a
/// path of sections, as go-ucfg reads it; each one must be a key of its section, a value where Filebeat takes a
/// value, a section where it takes one; each input is walked against the keys of its <c>type</c>.
/// </summary>
internal static class FilebeatKeys
{
    public static FactWalk Walk(JsonObject facts, JsonNode config)
    {
        var walk = new FactWalk();
        Section(facts, facts["config_tree"]!.AsObject(), new[] { "config_tree" }, config.AsObject(), string.Empty, walk);
        return walk;
    }

    private static void Section(JsonObject facts, JsonObject keys, string[] factPath, JsonObject values, string path, FactWalk walk)
    {
        foreach (var (key, value) in values)
        {
            var name = path + key;
            JsonNode? known = keys;
            var at = factPath;
            foreach (var part in key.Split('.'))
            {
                if (known is JsonValue map && (string?)map == "map")
                {
                    break; // a section that takes any key
                }

                if (known is not JsonObject section || !section.TryGetPropertyValue(part, out known))
                {
                    walk.Errors.Add($"'{name}': Filebeat has no key '{part}' there");
                    known = null;
                    at = Array.Empty<string>();
                    break;
                }

                at = at.Append(part).ToArray();
                walk.Use(at);
            }

            if (at.Length == 0)
            {
                continue;
            }

            switch (known)
            {
                case JsonObject section when value is JsonObject inner:
                    Section(facts, section, at, inner, name + ".", walk);
                    break;
                case JsonObject:
                    walk.Errors.Add($"'{name}' is a section, not a value");
                    break;
                case JsonValue marker when (string?)marker == "inputs":
                    Inputs(facts, value, name, walk);
                    break;
                case null when value is JsonObject:
                    walk.Errors.Add($"'{name}' is a value, not a section");
                    break;
            }
        }
    }

    private static void Inputs(JsonObject facts, JsonNode? inputs, string path, FactWalk walk)
    {
        foreach (var input in inputs?.AsArray() ?? new JsonArray())
        {
            var type = (string?)input!["type"] ?? string.Empty;
            if (facts["inputs"]![type] is not JsonObject keys)
            {
                walk.Errors.Add($"'{path}': no input type '{type}'");
                continue;
            }

            walk.Use("inputs", type);
            Section(facts, keys, new[] { "inputs", type }, input.AsObject(), path + "[" + type + "].", walk);
        }
    }
}
