namespace SidecarGen.Rules;

/// <summary>
/// Every diagnostic links to its page in docs/diagnostics/; generated text that sends the reader
/// further links to its page in docs/ (<see cref="Page"/>; DocLinkTests checks the page exists).
/// </summary>
internal static class HelpLinks
{
    public const string Docs = "https://github.com/sidecargen/sidecargen/blob/main/docs/";

    public const string Base = Docs + "diagnostics/";

    public static string For(string id) => Base + id + ".md";

    /// <summary>The page <paramref name="page"/> (a path under docs/, e.g. <c>secrets.md</c>).</summary>
    public static string Page(string page) => Docs + page;
}
