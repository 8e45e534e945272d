using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Rules;
using SidecarGen.Sidecars;

namespace SidecarGen.Validation;

/// <summary>
/// The checks on the planned Pod: SCG0003 (two containers on one port), SCG0007 (two Secrets whose
/// names would share a volume or Compose variables), SCG0016 (two volumes on one path, or an
/// environment variable set twice, in one container), and each kind's own checks on the Pod. Each
/// finding lands on the literal that wrote the value when there is one.
/// </summary>
internal static class PodRules
{
    public static void Check(ValidationContext context, ServicePlan plan)
    {
        var containers = new List<(ContainerSpec Container, Literals Literals)>
        {
            (plan.App, Literals.Of(context.Declaration)),
        };
        containers.AddRange(plan.Sidecars.Select((sidecar, index) => (sidecar.Container, Literals.Of(context.Declaration.Sidecars[index]))));

        Ports(context, containers);
        Secrets(context, containers);
        foreach (var sidecar in context.Declaration.Sidecars)
        {
            SidecarKinds.Of(sidecar).CheckPod(sidecar.Options, plan, context.Findings.For(sidecar.Ordinal));
        }

        foreach (var (container, literals) in containers)
        {
            Mounts(context, container, literals);
            Env(context, container, literals);
        }
    }

    /// <summary>
    /// Walks every container of the planned Pod in order; a port already taken is reported on the
    /// literal that wrote it (this container's, else the earlier owner's), with the next free port
    /// for the code fix.
    /// </summary>
    private static void Ports(ValidationContext context, List<(ContainerSpec Container, Literals Literals)> containers)
    {
        var used = new HashSet<int>(containers.SelectMany(c => c.Container.Ports).Select(p => p.Port));
        var owners = new Dictionary<int, (string Name, Literals Literals)>();
        foreach (var (container, literals) in containers)
        {
            foreach (var port in container.Ports)
            {
                if (!owners.TryGetValue(port.Port, out var owner))
                {
                    owners.Add(port.Port, (container.Name, literals));
                    continue;
                }

                var message = $"Port {port.Port} of '{container.Name}' is already used by '{owner.Name}' in the same Pod";
                var free = NextFreePort(port.Port, used).ToString(CultureInfo.InvariantCulture);
                if (literals.Port(port.Port) is { } mine)
                {
                    context.Report(RuleIds.PortCollision, literals.Ordinal, mine.Property, message, mine.Item, free);
                }
                else if (owner.Literals.Port(port.Port) is { } theirs)
                {
                    context.Report(RuleIds.PortCollision, owner.Literals.Ordinal, theirs.Property, message, theirs.Item, free);
                }
                else
                {
                    context.Report(RuleIds.PortCollision, literals.Ordinal, null, message);
                }
            }
        }

        int NextFreePort(int port, HashSet<int> taken)
        {
            var free = Enumerable.Range(port + 1, 65535 - port).Concat(Enumerable.Range(1024, System.Math.Max(0, port - 1024))).First(candidate => !taken.Contains(candidate));
            taken.Add(free);
            return free;
        }
    }

    /// <summary>
    /// Secret names become a volume name (<c>secret-a-b</c>) and Compose variables (<c>A_B_TLS_CRT</c>);
    /// two Secrets that differ only in '.' and '-' would share them, and one sidecar would read the other's keys.
    /// </summary>
    private static void Secrets(ValidationContext context, List<(ContainerSpec Container, Literals Literals)> containers)
    {
        var owners = new Dictionary<string, string>();
        foreach (var (container, literals) in containers)
        {
            var secrets = container.SecretFiles.Select(file => file.Secret.SecretName)
                .Concat(container.Env.Where(variable => variable.Secret is not null).Select(variable => variable.Secret!.SecretName))
                .Distinct();
            foreach (var secret in secrets)
            {
                foreach (var derived in new[] { PodVolumes.SecretVolume(secret), Naming.EnvironmentName(secret) })
                {
                    if (owners.TryGetValue(derived, out var owner) && owner != secret)
                    {
                        context.Report(RuleIds.InvalidName, literals.Ordinal, null, $"The Secrets '{owner}' and '{secret}' would share the name '{derived}' in the manifests; give them names that differ in more than '.' and '-'");
                        break;
                    }

                    owners[derived] = secret;
                }
            }
        }
    }

    /// <summary>Two volumes on one path (e.g. LogPath and MountPath alike, or either at /tmp) make an invalid Pod.</summary>
    private static void Mounts(ValidationContext context, ContainerSpec container, Literals literals)
    {
        foreach (var path in container.Mounts.GroupBy(m => m.Path.TrimEnd('/')).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            var culprit = context.Declaration.Sidecars.Select(Literals.Of).LastOrDefault(sidecar => sidecar.Path(path) is not null);
            context.Report(RuleIds.CannotRender, culprit?.Ordinal ?? literals.Ordinal, culprit?.Path(path), $"Two volumes would be mounted at '{path}' in '{container.Name}'");
        }
    }

    /// <summary>A variable the sidecar sets itself (e.g. OAUTH2_PROXY_CLIENT_ID) cannot be set again.</summary>
    private static void Env(ValidationContext context, ContainerSpec container, Literals literals)
    {
        foreach (var duplicate in container.Env.GroupBy(e => e.Name).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            var item = Enumerable.Range(0, literals.Env.Count).FirstOrDefault(i => literals.Env[i].StartsWith(duplicate + "=", System.StringComparison.Ordinal));
            context.Report(RuleIds.CannotRender, literals.Ordinal, nameof(SidecarAttribute.Env), $"'{duplicate}' is set by the sidecar itself", item);
        }
    }

    /// <summary>The values one attribute wrote that end up in the Pod: its ports, folder paths and variables.</summary>
    private sealed class Literals
    {
        private readonly IReadOnlyList<(string Property, int Port)> ports;
        private readonly IReadOnlyList<(string Property, string Path)> paths;
        private readonly EquatableArray<int> portItems;

        private Literals(int ordinal, IEnumerable<(string, int)> ports, EquatableArray<int> portItems, IEnumerable<(string, string)> paths, EquatableArray<string> env)
        {
            Ordinal = ordinal;
            this.ports = ports.ToList();
            this.portItems = portItems;
            this.paths = paths.ToList();
            Env = env;
        }

        public int Ordinal { get; }

        public EquatableArray<string> Env { get; }

        public static Literals Of(ServiceDeclaration service) => new(
            service.ServiceOrdinal,
            new[] { (nameof(SidecarServiceAttribute.Port), service.Options.Port) }.Where(p => service.ServiceWritten.Contains(p.Item1)),
            EquatableArray<int>.Empty,
            Enumerable.Empty<(string, string)>(),
            EquatableArray<string>.Empty);

        public static Literals Of(SidecarDeclaration sidecar)
        {
            var kind = SidecarKinds.Of(sidecar);
            return new(
                sidecar.Ordinal,
                kind.Ports(sidecar.Options).Where(p => sidecar.IsWritten(p.Property)),
                sidecar.Options.Common.Ports,
                kind.Paths(sidecar.Options).Where(p => sidecar.IsWritten(p.Property)),
                sidecar.Options.Common.Env);
        }

        /// <summary>The literal that wrote <paramref name="port"/>: an item of <c>Ports</c>, else a single-port property.</summary>
        public (string Property, int? Item)? Port(int port)
        {
            for (var i = 0; i < portItems.Count; i++)
            {
                if (portItems[i] == port)
                {
                    return (nameof(SidecarAttribute.Ports), i);
                }
            }

            return ports.Where(p => p.Port == port).Select(p => ((string, int?)?)(p.Property, null)).FirstOrDefault();
        }

        public string? Path(string path) => paths.Where(p => p.Path.TrimEnd('/') == path).Select(p => p.Property).FirstOrDefault();
    }
}
