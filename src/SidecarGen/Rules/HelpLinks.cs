namespace SidecarGen.Rules;

/// <summary>Every diagnostic links to its page in docs/diagnostics/.</summary>
internal static class HelpLinks
{
    public const string Base = "https://github.com/sidecargen/sidecargen/blob/main/docs/diagnostics/";

    public static string For(string id) => Base + id + ".md";
}
