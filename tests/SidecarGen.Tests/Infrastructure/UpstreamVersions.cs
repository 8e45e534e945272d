namespace SidecarGen.Tests.Infrastructure;

/// <summary>
/// What a program knows at one version: a list of names (annotations, labels, served
/// <c>&lt;group&gt;/&lt;version&gt; &lt;kind&gt;</c>) read from its sources at that release, one a line, copied into
/// Schemas/versions with its provenance in the file's <c>#</c> header (Schemas/README.md says how each was read).
/// </summary>
internal static class UpstreamVersions
{
    public static IReadOnlySet<string> Names(string file) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Schemas", "versions", file))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToHashSet(StringComparer.Ordinal);
}
