using SidecarGen.Rules;

namespace SidecarGen.Systems;

/// <summary>A finding about one service of a system: <paramref name="Service"/> is its description's index.</summary>
internal sealed record SystemFinding(int Service, Finding Finding);
