using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SidecarGen.Model;
using SidecarGen.Pod;

namespace SidecarGen.Systems;

/// <summary>The host port Compose publishes for a service's entry hop.</summary>
internal sealed record HostPort(string Service, int Port)
{
    public string Url => "http://localhost:" + Port.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Gives each service of a system its own host port: the one it publishes alone (its app's port) when
/// no earlier service took it, else the next free one above, so two services never publish one port.
/// </summary>
internal static class HostPorts
{
    public static EquatableArray<HostPort> Assign(IEnumerable<ServicePlan> plans)
    {
        var taken = new HashSet<int>();
        var assigned = new List<HostPort>();
        foreach (var plan in plans)
        {
            var port = plan.App.Ports[0].Port;
            while (!taken.Add(port))
            {
                port = PortSpec.After(port);
            }

            assigned.Add(new HostPort(plan.Name, port));
        }

        return assigned.ToEquatableArray();
    }

    /// <summary>What the build prints: which host port reaches which service.</summary>
    public static string Summary(string system, IEnumerable<HostPort> ports) =>
        string.Join("\n", ports.Select(port => $"SidecarGen: {system}: {port.Url} -> {port.Service}"));
}
