using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SidecarGen.Model;
using SidecarGen.Pod;

namespace SidecarGen.Sidecars;

/// <summary>
/// The properties every sidecar attribute inherits from <see cref="SidecarAttribute"/> (name, image,
/// ports, args, env, resources, capabilities, root), applied on top of a sidecar kind's own container.
/// </summary>
internal static class CommonSettings
{
    /// <summary>A sidecar's CPU and memory when its attribute leaves them out.</summary>
    public static readonly ResourceSpec DefaultResources = new("50m", "64Mi", "200m", "128Mi");

    /// <summary>The image as written, else the kind's default (an empty <c>Image</c> means the default too).</summary>
    public static string Image(CommonOptions common, string defaultImage) =>
        common.Image is { Length: > 0 } image ? image : defaultImage;

    /// <summary>
    /// Builds the container of a sidecar: the kind's own settings first, then what the user added
    /// through the common properties (extra ports, args, env), so nothing the user wrote is dropped.
    /// </summary>
    public static ContainerSpec Container(
        CommonOptions common,
        string image,
        IEnumerable<string> command,
        IEnumerable<string> args,
        IEnumerable<PortSpec> ports,
        IEnumerable<EnvVarSpec> env,
        IEnumerable<MountSpec> mounts,
        ProbeSpec? probe,
        IEnumerable<SecretFileSpec>? secretFiles = null)
    {
        var allPorts = ports.ToList();
        foreach (var port in Ports(common))
        {
            if (allPorts.All(existing => existing.Port != port))
            {
                allPorts.Add(new PortSpec("tcp-" + port.ToString(CultureInfo.InvariantCulture), port));
            }
        }

        // A sidecar without a probe of its own is probed on its first port, so that the app still
        // starts only once its sidecars accept connections.
        probe ??= allPorts.Count > 0 ? ProbeSpec.Tcp(allPorts[0].Name) : null;

        return new ContainerSpec(
            common.Name,
            image,
            command.ToEquatableArray(),
            args.Concat(common.Args).ToEquatableArray(),
            allPorts.ToEquatableArray(),
            env.Concat(Env(common)).ToEquatableArray(),
            mounts.ToEquatableArray(),
            (secretFiles ?? Enumerable.Empty<SecretFileSpec>()).ToEquatableArray(),
            probe,
            ResourceSpec.Of(common.Resources, DefaultResources),
            common.Capabilities,
            common.RunAsRoot);
    }

    /// <summary>The extra ports; one outside 1-65535 is SCG0009 and left out here.</summary>
    public static IEnumerable<int> Ports(CommonOptions common) => common.Ports.Where(port => port > 0);

    /// <summary><c>KEY=VALUE</c> items; an item without <c>=</c> is reported by the analyzers and skipped here.</summary>
    public static IEnumerable<EnvVarSpec> Env(CommonOptions common)
    {
        foreach (var item in common.Env)
        {
            var separator = item.IndexOf('=');
            if (separator > 0)
            {
                yield return EnvVarSpec.Literal(item.Substring(0, separator), item.Substring(separator + 1));
            }
        }
    }

    /// <summary>The mount of a sidecar's own config files, read-only.</summary>
    public static MountSpec ConfigMount(string sidecarName) =>
        new(SidecarSpec.ConfigVolume(sidecarName), SidecarSpec.ConfigMount(sidecarName), ReadOnly: true);
}
