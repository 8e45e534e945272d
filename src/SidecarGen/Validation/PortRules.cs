using System.Collections.Generic;
using System.Linq;
using SidecarGen.Model;
using SidecarGen.Planning;

namespace SidecarGen.Validation;

/// <summary>
/// SCG0009 (port range), and the checks on the planned Pod: SCG0003 (two containers on one port),
/// SCG0016 (an environment variable set twice, or two volumes on one path, in one container).
/// </summary>
internal static class PortRules
{
    /// <summary>The sidecar properties that hold a single port.</summary>
    public static readonly string[] PortProperties = { "Port", "InboundPort", "AdminPort", "ScrapePort", "OtlpPort" };

    public static void CheckRanges(ValidationContext context)
    {
        Range(context, context.ServiceOrdinal, "Port", context.Service.GetInt("Port"), null);
        foreach (var sidecar in context.Declaration.Sidecars)
        {
            foreach (var property in PortProperties)
            {
                Range(context, sidecar.Ordinal, property, sidecar.Arguments.GetInt(property), null);
            }

            var ports = sidecar.Arguments.GetStrings("Ports");
            for (var i = 0; i < ports.Count; i++)
            {
                Range(context, sidecar.Ordinal, "Ports", int.TryParse(ports[i], out var port) ? port : 0, i);
            }
        }
    }

    /// <summary>
    /// Walks every container of the planned Pod in order; a port already taken is reported on the
    /// literal that wrote it (this container's, else the earlier owner's), with the next free port
    /// for the code fix.
    /// </summary>
    public static void CheckCollisions(ValidationContext context)
    {
        var plan = context.Plan = ServicePlanner.Plan(context.Declaration, context.Settings);
        var containers = new List<(ContainerSpec Container, int Ordinal, AttributeArguments Arguments)>
        {
            (plan.App, context.ServiceOrdinal, context.Service),
        };
        containers.AddRange(plan.Sidecars.Select((sidecar, index) => (sidecar.Container, context.Declaration.Sidecars[index].Ordinal, context.Declaration.Sidecars[index].Arguments)));

        var used = new HashSet<int>(containers.SelectMany(c => c.Container.Ports).Select(p => p.Port));
        var owners = new Dictionary<int, (string Name, int Ordinal, AttributeArguments Arguments)>();
        foreach (var (container, ordinal, arguments) in containers)
        {
            foreach (var port in container.Ports)
            {
                if (!owners.TryGetValue(port.Port, out var owner))
                {
                    owners.Add(port.Port, (container.Name, ordinal, arguments));
                    continue;
                }

                var message = $"Port {port.Port} of '{container.Name}' is already used by '{owner.Name}' in the same Pod";
                var free = NextFreePort(port.Port, used);
                used.Add(free);
                if (Literal(arguments, port.Port) is { } mine)
                {
                    context.Report(RuleIds.PortCollision, ordinal, mine.Argument, message, mine.Item, RenderRules.Text(free));
                }
                else if (Literal(owner.Arguments, port.Port) is { } theirs)
                {
                    context.Report(RuleIds.PortCollision, owner.Ordinal, theirs.Argument, message, theirs.Item, RenderRules.Text(free));
                }
                else
                {
                    context.Report(RuleIds.PortCollision, ordinal, null, message);
                }
            }

            // Two volumes on one path (e.g. LogPath and MountPath alike, or either at /tmp) make an invalid Pod.
            foreach (var path in container.Mounts.GroupBy(m => m.Path.TrimEnd('/')).Where(g => g.Count() > 1).Select(g => g.Key))
            {
                var culprit = context.Declaration.Sidecars.LastOrDefault(s => new[] { "LogPath", "MountPath" }.Any(a => s.Arguments.GetString(a)?.TrimEnd('/') == path));
                var argument = culprit is null ? null : new[] { "LogPath", "MountPath" }.First(a => culprit.Arguments.GetString(a)?.TrimEnd('/') == path);
                context.Report(RuleIds.CannotRender, culprit?.Ordinal ?? ordinal, argument, $"Two volumes would be mounted at '{path}' in '{container.Name}'");
            }

            // A variable the sidecar sets itself (e.g. OAUTH2_PROXY_CLIENT_ID) cannot be set again.
            var env = arguments.GetStrings("Env");
            foreach (var duplicate in container.Env.GroupBy(e => e.Name).Where(g => g.Count() > 1).Select(g => g.Key))
            {
                var item = Enumerable.Range(0, env.Count).FirstOrDefault(i => env[i].StartsWith(duplicate + "=", System.StringComparison.Ordinal));
                context.Report(RuleIds.CannotRender, ordinal, "Env", $"'{duplicate}' is set by the sidecar itself", item);
            }
        }
    }

    private static (string Argument, int? Item)? Literal(AttributeArguments arguments, int port)
    {
        var ports = arguments.GetStrings("Ports");
        for (var i = 0; i < ports.Count; i++)
        {
            if (int.TryParse(ports[i], out var value) && value == port)
            {
                return ("Ports", i);
            }
        }

        foreach (var property in PortProperties)
        {
            if (arguments.GetInt(property) == port)
            {
                return (property, null);
            }
        }

        return null;
    }

    private static int NextFreePort(int port, HashSet<int> used)
    {
        for (var candidate = port + 1; candidate <= 65535; candidate++)
        {
            if (!used.Contains(candidate))
            {
                return candidate;
            }
        }

        return Enumerable.Range(1024, port - 1024).First(candidate => !used.Contains(candidate));
    }

    private static void Range(ValidationContext context, int ordinal, string argument, int? port, int? item)
    {
        if (port is { } value && value is < 1 or > 65535)
        {
            context.Report(RuleIds.PortOutOfRange, ordinal, argument, $"Port {value} is outside 1-65535", item);
        }
    }
}
