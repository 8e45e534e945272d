using System.Collections.Generic;
using System.Linq;
using SidecarGen.Model;
using SidecarGen.Pod;

namespace SidecarGen.Systems;

/// <summary>
/// Which services an app waits for in Compose: the ones it calls, except where two services call each
/// other (directly or round a longer loop), since Compose refuses a cycle of <c>depends_on</c>; the
/// first call of such a loop, in declaration order, keeps its wait.
/// </summary>
internal static class StartOrder
{
    public static EquatableArray<string> WaitsFor(string service, IEnumerable<Call> calls)
    {
        var kept = new List<Call>();
        foreach (var call in calls)
        {
            if (!Reaches(kept, call.Callee, call.Caller))
            {
                kept.Add(call);
            }
        }

        return kept.Where(call => call.Caller == service).Select(call => call.Callee).ToEquatableArray();
    }

    private static bool Reaches(IReadOnlyList<Call> edges, string from, string to)
    {
        var seen = new HashSet<string>();
        var pending = new Stack<string>();
        pending.Push(from);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current == to)
            {
                return true;
            }

            if (seen.Add(current))
            {
                foreach (var edge in edges.Where(edge => edge.Caller == current))
                {
                    pending.Push(edge.Callee);
                }
            }
        }

        return false;
    }
}
