using NJsonSchema;

namespace SidecarGen.Tests.Infrastructure;

/// <summary>The Compose Specification JSON schema (a copy in Schemas/), and validation against it.</summary>
internal static class ComposeSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "compose-spec.json"))).GetAwaiter().GetResult());

    /// <summary>Fails the test with every schema error of the Compose file.</summary>
    public static void AssertValid(string composeYaml)
    {
        var json = YamlJson.Parse(composeYaml).ToJsonString();
        var errors = Schema.Value.Validate(json);
        Assert.True(errors.Count == 0, "compose.yaml does not match the Compose Specification:\n" + string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")) + "\n\n" + composeYaml);
    }
}
