using SidecarGen.Rules;

namespace SidecarGen.Systems;

/// <summary>A finding about one service of a system: <paramref name="Service"/> is its description's index (-1 for a finding about the system's MSBuild properties).</summary>
internal sealed record SystemFinding(int Service, Finding Finding);
