using System.Text.Json.Nodes;

namespace SidecarGen.Tests.Infrastructure;

/// <summary>
/// The Envoy v3 messages SidecarGen's bootstrap uses, every field as the pinned release's protos define it
/// (Schemas/envoy), and a walk of a rendered config against them: every key a field of its message, every
/// enum a value it has, every <c>@type</c> a message of the copy. Envoy cannot run here; it refuses an
/// unknown field of a static bootstrap at start-up, so this walk stands where it would.
/// </summary>
internal static class EnvoySchema
{
    public const string Bootstrap = "envoy.config.bootstrap.v3.Bootstrap";

    private const string Any = "google.protobuf.Any";

    private static readonly Lazy<JsonObject> Copied = new(Messages);

    /// <summary>A fresh copy of every message of Schemas/envoy, by full name.</summary>
    public static JsonObject Messages()
    {
        var messages = new JsonObject();
        foreach (var file in new[] { "bootstrap-v3.json", "tls-v3.json" })
        {
            foreach (var (name, fields) in JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "envoy", file)))!.AsObject())
            {
                if (name != "$comment")
                {
                    messages[name] = fields!.DeepClone();
                }
            }
        }

        return messages;
    }

    /// <summary>The errors of <paramref name="typedConfig"/> (a <c>typed_config</c>, its <c>@type</c> naming the message).</summary>
    public static IReadOnlyList<string> Errors(JsonNode typedConfig) => Walk(Copied.Value, Any, typedConfig).Errors;

    /// <summary>A whole bootstrap against the copied messages.</summary>
    public static FactWalk Walk(JsonNode bootstrap) => Walk(Copied.Value, Bootstrap, bootstrap);

    /// <summary><paramref name="config"/> (of the message <paramref name="type"/>) against <paramref name="messages"/>.</summary>
    public static FactWalk Walk(JsonObject messages, string type, JsonNode config)
    {
        var walk = new FactWalk();
        Value(messages, type, config, type, walk);
        return walk;
    }

    private static void Value(JsonObject messages, string type, JsonNode? value, string path, FactWalk walk)
    {
        if (type == Any)
        {
            var message = ((string?)value?["@type"])?.Replace("type.googleapis.com/", string.Empty, StringComparison.Ordinal);
            if (message is null)
            {
                walk.Errors.Add($"{path}: no @type");
                return;
            }

            walk.Use(message);
            Message(messages, message, value!.AsObject().Where(pair => pair.Key != "@type"), path, walk);
        }
        else if (type.StartsWith("map<", StringComparison.Ordinal))
        {
            foreach (var (key, item) in value!.AsObject())
            {
                Value(messages, type[4..^1], item, path + "." + key, walk);
            }
        }
        else if (value is JsonObject fields)
        {
            Message(messages, type, fields, path, walk);
        }
        else
        {
            walk.Errors.Add($"{path}: a {type} is a message, not '{value?.ToJsonString()}'");
        }
    }

    private static void Message(JsonObject messages, string message, IEnumerable<KeyValuePair<string, JsonNode?>> fields, string path, FactWalk walk)
    {
        if (messages[message] is not JsonObject known)
        {
            walk.Errors.Add($"{path}: no message {message} in Schemas/envoy");
            return;
        }

        foreach (var (name, value) in fields)
        {
            if (!known.TryGetPropertyValue(name, out var type))
            {
                walk.Errors.Add($"{path}.{name}: no field of {message}");
                continue;
            }

            walk.Use(message, name);
            foreach (var item in value is JsonArray items ? items : new JsonArray(value?.DeepClone()))
            {
                if (type is JsonArray values && !values.Any(v => (string?)v == (string?)item))
                {
                    walk.Errors.Add($"{path}.{name}: '{item}' is none of {values.ToJsonString()}");
                }
                else if (type is JsonValue)
                {
                    Value(messages, (string)type!, item, path + "." + name, walk);
                }
            }
        }
    }
}
