namespace SidecarGen.Emit;

/// <summary>The generated C# source carrying the manifests, or none when the project has no service.</summary>
internal sealed record EmbeddedManifests(string? Source)
{
    public static readonly EmbeddedManifests None = new((string?)null);
}
