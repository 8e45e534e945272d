using SidecarGen.Model;
using SidecarGen.Pod;

namespace SidecarGen.Emit.Compose;

/// <summary>
/// One service of a Compose project: its plan, the host port its entry is published on, and the
/// services its app waits for (in a system, the ones it calls).
/// </summary>
internal sealed record ComposeService(ServicePlan Plan, int PublishedPort, EquatableArray<string> Calls);
