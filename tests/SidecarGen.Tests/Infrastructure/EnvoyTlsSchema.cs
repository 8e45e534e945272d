using System.Text.Json.Nodes;

namespace SidecarGen.Tests.Infrastructure;

/// <summary>
/// The Envoy v3 TLS messages our config uses (a copy of their fields in Schemas/envoy), and a walk of
/// a rendered TLS context against them: every key a field of its message, every enum a value it has.
/// </summary>
internal static class EnvoyTlsSchema
{
    private static readonly Lazy<JsonObject> Messages = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "envoy", "tls-v3.json")))!.AsObject());

    /// <summary>The errors of <paramref name="typedConfig"/> (a transport socket's <c>typed_config</c>, its <c>@type</c> naming the message).</summary>
    public static IReadOnlyList<string> Errors(JsonNode typedConfig)
    {
        var type = ((string?)typedConfig["@type"])!.Replace("type.googleapis.com/", string.Empty, StringComparison.Ordinal);
        var errors = new List<string>();
        Walk(type, typedConfig.AsObject().Where(pair => pair.Key != "@type"), type, errors);
        return errors;
    }

    private static void Walk(string message, IEnumerable<KeyValuePair<string, JsonNode?>> fields, string path, List<string> errors)
    {
        if (Messages.Value[message] is not JsonObject known)
        {
            errors.Add($"{path}: no message {message} in Schemas/envoy");
            return;
        }

        foreach (var (name, value) in fields)
        {
            if (!known.TryGetPropertyValue(name, out var type))
            {
                errors.Add($"{path}.{name}: no field of {message}");
            }
            else if (type is JsonArray values)
            {
                if (!values.Any(v => (string?)v == (string?)value))
                {
                    errors.Add($"{path}.{name}: '{value}' is none of {values.ToJsonString()}");
                }
            }
            else if (type is not null)
            {
                foreach (var item in value is JsonArray items ? items : new JsonArray(value!.DeepClone()))
                {
                    Walk((string)type!, item!.AsObject(), path + "." + name, errors);
                }
            }
        }
    }
}
