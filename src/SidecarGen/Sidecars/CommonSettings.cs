using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SidecarGen.Model;
using SidecarGen.Planning;

namespace SidecarGen.Sidecars;

/// <summary>
/// The properties every sidecar attribute inherits from <c>SidecarAttribute</c> (name, image, ports,
/// args, env, resources, capabilities, root), applied on top of a sidecar kind's own container.
/// </summary>
internal static class CommonSettings
{
    public static readonly ResourceSpec DefaultResources = new("50m", "64Mi", "200m", "128Mi");

    public static string Name(SidecarDeclaration sidecar, string defaultName) =>
        sidecar.Arguments.GetString("Name") is { Length: > 0 } name ? name : defaultName;

    public static string Image(SidecarDeclaration sidecar, string defaultImage) =>
        sidecar.Arguments.GetString("Image") is { Length: > 0 } image ? image : defaultImage;

    /// <summary>The sidecar's concerns: its kind's, its class's [SidecarConcern]s and its <c>Concerns</c> argument.</summary>
    public static Concerns Concerns(SidecarDeclaration sidecar, Concerns kindConcern) =>
        kindConcern | sidecar.ClassConcerns | (Concerns)(sidecar.Arguments.GetInt("Concerns") ?? 0);

    public static ResourceSpec Resources(AttributeArguments arguments, ResourceSpec defaults) => new(
        arguments.GetString("CpuRequest") ?? defaults.CpuRequest,
        arguments.GetString("MemoryRequest") ?? defaults.MemoryRequest,
        arguments.GetString("CpuLimit") ?? defaults.CpuLimit,
        arguments.GetString("MemoryLimit") ?? defaults.MemoryLimit);

    /// <summary>
    /// Builds the container of a sidecar: the kind's own settings first, then what the user added
    /// through the common properties (extra ports, args, env), so nothing the user wrote is dropped.
    /// </summary>
    public static ContainerSpec Container(
        SidecarDeclaration sidecar,
        string name,
        string image,
        IEnumerable<string> command,
        IEnumerable<string> args,
        IEnumerable<PortSpec> ports,
        IEnumerable<EnvVarSpec> env,
        IEnumerable<MountSpec> mounts,
        ProbeSpec? probe,
        IEnumerable<SecretFileSpec>? secretFiles = null)
    {
        var arguments = sidecar.Arguments;
        var allPorts = ports.ToList();
        foreach (var port in Ports(arguments))
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
            name,
            image,
            command.ToEquatableArray(),
            args.Concat(arguments.GetStrings("Args")).ToEquatableArray(),
            allPorts.ToEquatableArray(),
            env.Concat(Env(arguments)).ToEquatableArray(),
            mounts.ToEquatableArray(),
            (secretFiles ?? Enumerable.Empty<SecretFileSpec>()).ToEquatableArray(),
            probe,
            Resources(arguments, DefaultResources),
            arguments.GetStrings("Capabilities"),
            arguments.GetBool("RunAsRoot") ?? false);
    }

    public static IEnumerable<int> Ports(AttributeArguments arguments) =>
        arguments.GetStrings("Ports")
            .Select(text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) ? port : 0)
            .Where(port => port > 0);

    /// <summary><c>KEY=VALUE</c> items; an item without <c>=</c> is reported by the analyzers and skipped here.</summary>
    public static IEnumerable<EnvVarSpec> Env(AttributeArguments arguments)
    {
        foreach (var item in arguments.GetStrings("Env"))
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
        new(ConfigVolume(sidecarName), SidecarSpec.ConfigMount(sidecarName), ReadOnly: true);

    public static string ConfigVolume(string sidecarName) => sidecarName + "-config";
}
