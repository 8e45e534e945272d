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
/// environment variable set twice, in one container: by a sidecar's <c>Env</c> or a key in <c>Calls</c>),
/// and each kind's own checks on the Pod. Each finding lands on the literal that wrote the value when there is one.
/// </summary>
internal static class PodRules
{
    public static void Check(ValidationContext context, ServicePlan plan)
    {
        var containers = new List<WrittenValues> { WrittenValues.Of(plan.App, context.Declaration) };
        foreach (var sidecar in plan.Sidecars)
        {
            containers.Add(WrittenValues.Of(sidecar.Container, context.Declaration.Sidecar(sidecar.Ordinal)));
        }

        Ports(context, containers);
        Secrets(context, containers);
        foreach (var sidecar in context.Declaration.Sidecars)
        {
            SidecarKinds.Of(sidecar).CheckPod(sidecar.Options, plan, context.Findings.For(sidecar.Ordinal));
        }

        foreach (var written in containers)
        {
            Mounts(context, written, containers);
            Env(context, written);
        }
    }

    /// <summary>
    /// Walks every container of the planned Pod in order; a port already taken is reported on the
    /// literal that wrote it (this container's, else the earlier owner's), with the next free port
    /// for the code fix.
    /// </summary>
    private static void Ports(ValidationContext context, List<WrittenValues> containers)
    {
        var used = new HashSet<int>();
        foreach (var written in containers)
        {
            foreach (var port in written.Container.Ports)
            {
                used.Add(port.Port);
            }
        }

        var owners = new Dictionary<int, WrittenValues>();
        foreach (var written in containers)
        {
            var container = written.Container;
            foreach (var port in container.Ports)
            {
                if (!owners.TryGetValue(port.Port, out var owner))
                {
                    owners.Add(port.Port, written);
                    continue;
                }

                var message = $"Port {port.Port} of '{container.Name}' is already used by '{owner.Container.Name}' in the same Pod";
                var free = NextFreePort(port.Port, used).ToString(CultureInfo.InvariantCulture);
                if (written.Port(port.Port) is { } mine)
                {
                    context.Report(RuleIds.PortCollision, written.Ordinal, mine.Property, message, mine.Item, free);
                }
                else if (owner.Port(port.Port) is { } theirs)
                {
                    context.Report(RuleIds.PortCollision, owner.Ordinal, theirs.Property, message, theirs.Item, free);
                }
                else
                {
                    context.Report(RuleIds.PortCollision, written.Ordinal, null, message);
                }
            }
        }

        // The next port above that no container uses.
        int NextFreePort(int port, HashSet<int> taken)
        {
            var free = PortSpec.After(port);
            while (taken.Contains(free))
            {
                free = PortSpec.After(free);
            }

            taken.Add(free);
            return free;
        }
    }

    /// <summary>
    /// Secret names become a volume name (<c>secret-a-b</c>) and Compose variables (<c>A_B_TLS_CRT</c>);
    /// two Secrets that differ only in '.' and '-' would share them, and one sidecar would read the other's keys.
    /// </summary>
    private static void Secrets(ValidationContext context, List<WrittenValues> containers)
    {
        var owners = new Dictionary<string, string>();
        foreach (var written in containers)
        {
            var container = written.Container;
            var secrets = container.SecretFiles.Select(file => file.Secret.SecretName)
                .Concat(container.Env.Where(variable => variable.Secret is not null).Select(variable => variable.Secret!.SecretName))
                .Distinct();
            foreach (var secret in secrets)
            {
                foreach (var derived in new[] { PodVolumes.SecretVolume(secret), Naming.EnvironmentName(secret) })
                {
                    if (owners.TryGetValue(derived, out var owner) && owner != secret)
                    {
                        context.Report(RuleIds.InvalidName, written.Ordinal, null, $"The Secrets '{owner}' and '{secret}' would share the name '{derived}' in the manifests; give them names that differ in more than '.' and '-'");
                        break;
                    }

                    owners[derived] = secret;
                }
            }
        }
    }

    /// <summary>Two volumes on one path (e.g. LogPath and MountPath alike, or either at /tmp) make an invalid Pod.</summary>
    private static void Mounts(ValidationContext context, WrittenValues written, List<WrittenValues> containers)
    {
        var container = written.Container;
        foreach (var path in container.Mounts.GroupBy(m => m.Path.TrimEnd('/')).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            var culprit = containers.LastOrDefault(written => written.Path(path) is not null);
            context.Report(RuleIds.CannotRender, culprit?.Ordinal ?? written.Ordinal, culprit?.Path(path), $"Two volumes would be mounted at '{path}' in '{container.Name}'");
        }
    }

    /// <summary>
    /// A variable the sidecar sets itself (e.g. OAUTH2_PROXY_CLIENT_ID) cannot be set again; nor can a
    /// key in <c>Calls</c> name a variable the app already gets (another key's, or SidecarGen's own).
    /// </summary>
    private static void Env(ValidationContext context, WrittenValues written)
    {
        var container = written.Container;
        foreach (var duplicate in container.Env.GroupBy(e => e.Name).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            // The last literal that sets it: of two keys in Calls, the second is the one to change.
            var item = Enumerable.Range(0, written.Env.Count).LastOrDefault(i => written.Env[i].StartsWith(duplicate + "=", System.StringComparison.Ordinal));
            context.Report(
                RuleIds.CannotRender,
                written.Ordinal,
                written.EnvProperty,
                written.EnvProperty == nameof(SidecarServiceAttribute.Calls) ? $"The key in {written.EnvProperty} sets '{duplicate}', which the app already gets" : $"'{duplicate}' is set by the sidecar itself",
                item);
        }
    }

    /// <summary>A container of the planned Pod and the values its attribute wrote that end up in it: its ports, folder paths and variables.</summary>
    private sealed class WrittenValues
    {
        private readonly List<PortProperty> ports;
        private readonly List<PathProperty> paths;
        private readonly EquatableArray<int> portItems;

        private WrittenValues(ContainerSpec container, int ordinal, List<PortProperty> ports, EquatableArray<int> portItems, List<PathProperty> paths, EquatableArray<string> env, string envProperty)
        {
            EnvProperty = envProperty;
            Container = container;
            Ordinal = ordinal;
            this.ports = ports;
            this.portItems = portItems;
            this.paths = paths;
            Env = env;
        }

        public ContainerSpec Container { get; }

        public int Ordinal { get; }

        /// <summary>The variables the attribute wrote, each <c>NAME=…</c>, in the order of <see cref="EnvProperty"/>'s items.</summary>
        public EquatableArray<string> Env { get; }

        /// <summary>The property that wrote them: a sidecar's <c>Env</c>, the service's <c>Calls</c> (its keys).</summary>
        public string EnvProperty { get; }

        public static WrittenValues Of(ContainerSpec app, ServiceDeclaration service) => new(
            app,
            service.ServiceOrdinal,
            service.ServiceWritten.Contains(nameof(SidecarServiceAttribute.Port)) ? new List<PortProperty> { new(nameof(SidecarServiceAttribute.Port), service.Options.Port) } : new List<PortProperty>(),
            EquatableArray<int>.Empty,
            new List<PathProperty>(),
            service.Options.Calls.Select(call => call.Key is { } key ? ServiceDiscovery.KeyVariable(key) + "=" + call.Service : string.Empty).ToEquatableArray(),
            nameof(SidecarServiceAttribute.Calls));

        public static WrittenValues Of(ContainerSpec container, SidecarDeclaration sidecar)
        {
            var kind = SidecarKinds.Of(sidecar);
            return new(
                container,
                sidecar.Ordinal,
                kind.Ports(sidecar.Options).Where(p => sidecar.IsWritten(p.Property)).ToList(),
                sidecar.Options.Common.Ports,
                kind.Paths(sidecar.Options).Where(p => sidecar.IsWritten(p.Property)).ToList(),
                sidecar.Options.Common.Env,
                nameof(SidecarAttribute.Env));
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

            foreach (var written in ports)
            {
                if (written.Port == port)
                {
                    return (written.Property, null);
                }
            }

            return null;
        }

        public string? Path(string path) => paths.FirstOrDefault(p => p.Path.TrimEnd('/') == path)?.Property;
    }
}
