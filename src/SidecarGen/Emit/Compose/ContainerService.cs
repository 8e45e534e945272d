using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SidecarGen.Pod;
using SidecarGen.Yaml;

namespace SidecarGen.Emit.Compose;

/// <summary>
/// A container of the Pod (the app or a sidecar) as a Compose service in the holder's network
/// namespace: image, process, identity, hardening, env, mounts, resources and health check.
/// </summary>
internal static class ContainerService
{
    public static void Write(YamlWriter yaml, ServicePlan plan, ContainerSpec container, IReadOnlyList<VolumeSpec> volumes, string? configSource)
    {
        yaml.Pair("image", ComposeText.Literal(container.Image));
        Strings(yaml, "entrypoint", container.Command);
        Strings(yaml, "command", container.Args);
        Hardening(yaml, container.RunAsRoot, readOnly: true);
        if (!container.AddCapabilities.IsEmpty)
        {
            Strings(yaml, "cap_add", container.AddCapabilities);
        }

        Environment(yaml, container);
        var healthcheck = container.Probe is { } probe ? Healthcheck.Test(container, probe) : null;
        Mounts(yaml, plan, container, volumes, configSource, healthcheck?.Contains(ProbeTools.Busybox) == true);
        Resources(yaml, container.Resources);
        if (healthcheck is not null)
        {
            Healthcheck.Write(yaml, healthcheck);
        }

        yaml.Pair("restart", "unless-stopped")
            .Pair("network_mode", "service:" + ComposeNames.Holder(plan.Name));
    }

    /// <summary>The restricted profile's Compose equivalent, shared by every service of the file.</summary>
    public static void Hardening(YamlWriter yaml, bool runAsRoot, bool readOnly)
    {
        yaml.Pair("user", runAsRoot ? "0:0" : SecurityProfile.UserId.ToString(CultureInfo.InvariantCulture) + ":" + SecurityProfile.GroupId.ToString(CultureInfo.InvariantCulture))
            .Pair("read_only", readOnly)
            .BeginSequence("cap_drop").String("ALL").EndSequence()
            .BeginSequence("security_opt").String("no-new-privileges:true").EndSequence();
    }

    public static void Resources(YamlWriter yaml, ResourceSpec resources) =>
        yaml.BeginMap("deploy").BeginMap("resources")
            .BeginMap("limits")
            .Pair("cpus", Quantities.ComposeCpus(resources.CpuLimit))
            .Pair("memory", Quantities.ComposeMemory(resources.MemoryLimit))
            .EndMap()
            .BeginMap("reservations")
            .Pair("cpus", Quantities.ComposeCpus(resources.CpuRequest))
            .Pair("memory", Quantities.ComposeMemory(resources.MemoryRequest))
            .EndMap()
            .EndMap().EndMap();

    public static void Strings(YamlWriter yaml, string key, IEnumerable<string> values)
    {
        var list = values.ToList();
        if (list.Count == 0)
        {
            return;
        }

        yaml.BeginSequence(key);
        foreach (var value in list)
        {
            yaml.String(ComposeText.Literal(value));
        }

        yaml.EndSequence();
    }

    public static void Volume(YamlWriter yaml, string type, string source, string target, bool readOnly) =>
        yaml.BeginMap()
            .Pair("type", type)
            .Pair("source", source)
            .Pair("target", ComposeText.Literal(target))
            .Pair("read_only", readOnly)
            .EndMap();

    private static void Environment(YamlWriter yaml, ContainerSpec container)
    {
        if (container.Env.IsEmpty)
        {
            return;
        }

        yaml.BeginMap("environment");
        foreach (var variable in container.Env)
        {
            yaml.Pair(variable.Name, variable.Secret is { } secret
                ? ComposeText.Variable(secret.ComposeVariable)
                : ComposeText.Literal(variable.Value ?? string.Empty));
        }

        yaml.EndMap();
    }

    /// <summary>
    /// Scratch folders are tmpfs; config files a read-only bind mount; shared folders and each Secret
    /// (at <c>/run/secrets/&lt;secret&gt;</c>, as the Pod's Secret volume) named volumes; and the
    /// holder's tools, read-only, when the health check runs them.
    /// </summary>
    private static void Mounts(YamlWriter yaml, ServicePlan plan, ContainerSpec container, IReadOnlyList<VolumeSpec> volumes, string? configSource, bool tools)
    {
        var scratch = container.Mounts.Where(mount => Kind(volumes, mount) == VolumeKind.Scratch).ToList();
        Strings(yaml, "tmpfs", scratch.Select(mount => mount.Path));

        var mounted = container.Mounts.Where(mount => Kind(volumes, mount) != VolumeKind.Scratch).ToList();
        var secrets = container.SecretFiles.GroupBy(file => file.Secret.SecretName).Select(group => group.First()).ToList();
        if (mounted.Count == 0 && secrets.Count == 0 && !tools)
        {
            return;
        }

        yaml.BeginSequence("volumes");
        foreach (var mount in mounted)
        {
            var config = Kind(volumes, mount) == VolumeKind.Config;
            Volume(yaml, config ? "bind" : "volume", config ? configSource ?? string.Empty : ComposeNames.Volume(plan.Name, mount.Volume), mount.Path, mount.ReadOnly);
        }

        foreach (var file in secrets)
        {
            Volume(yaml, "volume", ComposeNames.Volume(plan.Name, PodVolumes.SecretVolume(file.Secret.SecretName)), file.Directory, readOnly: true);
        }

        if (tools)
        {
            Volume(yaml, "volume", ComposeNames.Volume(plan.Name, ProbeTools.Volume), ProbeTools.Folder, readOnly: true);
        }

        yaml.EndSequence();
    }

    private static VolumeKind Kind(IReadOnlyList<VolumeSpec> volumes, MountSpec mount) =>
        volumes.First(volume => volume.Name == mount.Volume).Kind;
}
