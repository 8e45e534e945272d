namespace SidecarGen.Rules;

/// <summary>Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> the code fixes read.</summary>
internal static class FixProperties
{
    /// <summary>What the fix writes: the next free port (SCG0003), the concerns to split (SCG0001).</summary>
    public const string Value = "SidecarGen.FixValue";

    /// <summary>SCG0028 at <c>app.Run()</c> of an app that maps no health endpoint: the path to map health checks at.</summary>
    public const string MapHealthChecks = "SidecarGen.MapHealthChecks";
}
