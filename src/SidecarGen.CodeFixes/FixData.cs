namespace SidecarGen.CodeFixes;

/// <summary>The diagnostic property the analyzers fill for the fixes (SidecarGen.Diagnostics.FixProperties.Value).</summary>
internal static class FixData
{
    public const string Key = "SidecarGen.FixValue";
}
