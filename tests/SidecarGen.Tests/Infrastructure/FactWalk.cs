using System.Text.Json.Nodes;

namespace SidecarGen.Tests.Infrastructure;

/// <summary>
/// A generated config walked against facts copied from a program's source (Schemas): what the walk found
/// wrong, and each entry of the facts it relied on, as its path of property names from the facts' root
/// joined by <c>/</c> (no name SidecarGen checks holds one).
/// </summary>
internal sealed class FactWalk
{
    public List<string> Errors { get; } = new();

    public HashSet<string> Used { get; } = new(StringComparer.Ordinal);

    public void Use(params string[] path) => Used.Add(string.Join('/', path));

    /// <summary>
    /// Each entry the walk relied on, removed from a copy of <paramref name="facts"/>, makes the same walk fail:
    /// so every key of the config was truly looked up, and a fact the program lacks would be caught.
    /// </summary>
    public void AssertEachEntryIsNeeded(JsonObject facts, Func<JsonObject, FactWalk> walk)
    {
        Assert.NotEmpty(Used);
        Assert.All(Used, entry =>
        {
            var path = entry.Split('/');
            var copy = facts.DeepClone().AsObject();
            var parent = path[..^1].Aggregate((JsonNode)copy, (node, key) => node[key]!).AsObject();
            Assert.True(parent.Remove(path[^1]), $"no entry {entry}");
            Assert.True(walk(copy).Errors.Count > 0, $"without {entry} the walk still passes");
        });
    }
}
