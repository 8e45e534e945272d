namespace SidecarGen;

/// <summary>
/// The contract between the generator and the MSBuild task, compiled into both (they share no
/// assembly): each generated file travels in the compiled assembly as
/// <c>[assembly: AssemblyMetadata("SidecarGen.File:&lt;path&gt;", content)]</c>, and
/// <c>SidecarGen.Status</c> says whether the task may write (<see cref="Generated"/>) or must keep the
/// previous files (<see cref="Blocked"/>, while an SCG error stands). No status: no service.
/// </summary>
internal static class ManifestContract
{
    public const string StatusKey = "SidecarGen.Status";
    public const string FileKeyPrefix = "SidecarGen.File:";
    public const string Generated = "Generated";
    public const string Blocked = "Blocked";

    /// <summary>With <see cref="Blocked"/>: the rules that block, one <c>SCGnnnn: message</c> per line.</summary>
    public const string BlockedByKey = "SidecarGen.BlockedBy";

    /// <summary>A service's description, for the systems it is part of: its attributes' arguments, settings and source spans (YAML).</summary>
    public const string ServiceKey = "SidecarGen.Service";

    /// <summary>The service's source files that hold its attributes, one a line: a system's build reads them to report findings there.</summary>
    public const string ServiceSourcesKey = "SidecarGen.ServiceSources";

    /// <summary>Lines the task prints to the build's output (a system's host ports).</summary>
    public const string SummaryKey = "SidecarGen.Summary";
}
