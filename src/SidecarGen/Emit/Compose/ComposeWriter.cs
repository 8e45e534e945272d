using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SidecarGen.Yaml;
using SidecarGen.Pod;

namespace SidecarGen.Emit.Compose;

/// <summary>
/// compose.yaml plus the sidecars' config files beside it. Sidecars join the app's network namespace
/// (<c>network_mode: service:&lt;app&gt;</c>) so <c>localhost</c> means the same as in the Pod, and the
/// published port is the Pod's entry point.
/// </summary>
internal static class ComposeWriter
{
    public const string Folder = "compose/";
    public const string FileName = "compose.yaml";

    private static readonly string SharedVolumeOptions = string.Format(
        CultureInfo.InvariantCulture, "size=1g,uid={0},gid={1},mode=0770", SecurityProfile.UserId, SecurityProfile.GroupId);

    public static IEnumerable<ManifestFile> Write(ServicePlan plan)
    {
        yield return new ManifestFile(Folder + FileName, Render(plan));
        foreach (var sidecar in plan.Running)
        {
            foreach (var file in sidecar.ConfigFiles)
            {
                yield return new ManifestFile(Folder + ConfigFolder(sidecar) + "/" + file.FileName, file.Content);
            }
        }
    }

    private static string ConfigFolder(SidecarSpec sidecar) => "config/" + sidecar.Name;

    private static string Render(ServicePlan plan)
    {
        var volumes = PodVolumes.Of(plan);
        var yaml = new YamlWriter().BeginMap()
            .Pair("name", plan.Name)
            .BeginMap("services");

        AppService(yaml, plan, volumes);
        foreach (var sidecar in plan.Running)
        {
            SidecarService(yaml, plan, sidecar, volumes);
        }

        yaml.EndMap();

        var shared = volumes.Where(volume => volume.Kind == VolumeKind.Shared).ToList();
        if (shared.Count > 0)
        {
            // A tmpfs owned by the containers' user: a plain named volume would be root-owned, and
            // the app (UID 10001, read-only root) could not write its logs into it.
            yaml.BeginMap("volumes");
            foreach (var volume in shared)
            {
                yaml.BeginMap(volume.Name)
                    .Pair("driver", "local")
                    .BeginMap("driver_opts")
                    .Pair("type", "tmpfs")
                    .Pair("device", "tmpfs")
                    .Pair("o", SharedVolumeOptions)
                    .EndMap()
                    .EndMap();
            }

            yaml.EndMap();
        }

        var secrets = SecretFiles(plan).ToList();
        if (secrets.Count > 0)
        {
            // Values come from the environment of `docker compose up` (or .env), never from source.
            yaml.BeginMap("secrets");
            foreach (var secret in secrets)
            {
                yaml.BeginMap(secret.ComposeName).Pair("environment", secret.ComposeVariable).EndMap();
            }

            yaml.EndMap();
        }

        return yaml.EndMap().Finish();
    }

    private static void AppService(YamlWriter yaml, ServicePlan plan, IReadOnlyList<VolumeSpec> volumes)
    {
        yaml.BeginMap(plan.App.Name);
        Common(yaml, plan.App, volumes, configSource: null);
        yaml.BeginSequence("ports")
            .BeginMap()
            .Pair("name", "http")
            .Pair("target", plan.Entry.Port)
            .Pair("published", plan.App.Ports[0].Port.ToString(CultureInfo.InvariantCulture))
            .Pair("protocol", "tcp")
            .EndMap()
            .EndSequence();
        yaml.EndMap();
    }

    private static void SidecarService(YamlWriter yaml, ServicePlan plan, SidecarSpec sidecar, IReadOnlyList<VolumeSpec> volumes)
    {
        yaml.BeginMap(sidecar.Name);
        Common(yaml, sidecar.Container, volumes, "./" + ConfigFolder(sidecar));
        yaml.Pair("network_mode", "service:" + plan.App.Name)
            .BeginMap("depends_on")
            .BeginMap(plan.App.Name)
            .Pair("condition", "service_started")
            .Pair("restart", true)
            .EndMap()
            .EndMap();
        yaml.EndMap();
    }

    /// <summary>What the app and the sidecars share: image, process, identity, hardening, env, mounts, resources.</summary>
    private static void Common(YamlWriter yaml, ContainerSpec container, IReadOnlyList<VolumeSpec> volumes, string? configSource)
    {
        yaml.Pair("image", ComposeText.Literal(container.Image));
        Strings(yaml, "entrypoint", container.Command);
        Strings(yaml, "command", container.Args);
        yaml.Pair("user", container.RunAsRoot ? "0:0" : SecurityProfile.UserId.ToString(CultureInfo.InvariantCulture) + ":" + SecurityProfile.GroupId.ToString(CultureInfo.InvariantCulture))
            .Pair("read_only", true)
            .BeginSequence("cap_drop").String("ALL").EndSequence();
        if (!container.AddCapabilities.IsEmpty)
        {
            Strings(yaml, "cap_add", container.AddCapabilities);
        }

        yaml.BeginSequence("security_opt").String("no-new-privileges:true").EndSequence();
        Environment(yaml, container);
        Mounts(yaml, container, volumes, configSource);
        Secrets(yaml, container);
        yaml.BeginMap("deploy").BeginMap("resources")
            .BeginMap("limits")
            .Pair("cpus", Quantities.ComposeCpus(container.Resources.CpuLimit))
            .Pair("memory", Quantities.ComposeMemory(container.Resources.MemoryLimit))
            .EndMap()
            .BeginMap("reservations")
            .Pair("cpus", Quantities.ComposeCpus(container.Resources.CpuRequest))
            .Pair("memory", Quantities.ComposeMemory(container.Resources.MemoryRequest))
            .EndMap()
            .EndMap().EndMap();
        if (container.Probe is { Exec.IsEmpty: false } probe)
        {
            yaml.BeginMap("healthcheck");
            yaml.BeginSequence("test").String("CMD");
            foreach (var part in probe.Exec)
            {
                yaml.String(ComposeText.Literal(part));
            }

            yaml.EndSequence()
                .Pair("interval", "10s")
                .Pair("timeout", "2s")
                .Pair("retries", 3)
                .Pair("start_period", "60s")
                .Pair("start_interval", "2s")
                .EndMap();
        }

        yaml.Pair("restart", "unless-stopped");
    }

    private static void Strings(YamlWriter yaml, string key, Model.EquatableArray<string> values)
    {
        if (values.IsEmpty)
        {
            return;
        }

        yaml.BeginSequence(key);
        foreach (var value in values)
        {
            yaml.String(ComposeText.Literal(value));
        }

        yaml.EndSequence();
    }

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
                ? ComposeText.Required(secret.ComposeVariable)
                : ComposeText.Literal(variable.Value ?? string.Empty));
        }

        yaml.EndMap();
    }

    private static void Mounts(YamlWriter yaml, ContainerSpec container, IReadOnlyList<VolumeSpec> volumes, string? configSource)
    {
        var scratch = container.Mounts.Where(mount => Kind(volumes, mount) == VolumeKind.Scratch).ToList();
        if (scratch.Count > 0)
        {
            yaml.BeginSequence("tmpfs");
            foreach (var mount in scratch)
            {
                yaml.String(ComposeText.Literal(mount.Path));
            }

            yaml.EndSequence();
        }

        var mounted = container.Mounts.Where(mount => Kind(volumes, mount) != VolumeKind.Scratch).ToList();
        if (mounted.Count == 0)
        {
            return;
        }

        yaml.BeginSequence("volumes");
        foreach (var mount in mounted)
        {
            var config = Kind(volumes, mount) == VolumeKind.Config;
            yaml.BeginMap()
                .Pair("type", config ? "bind" : "volume")
                .Pair("source", config ? configSource ?? string.Empty : mount.Volume)
                .Pair("target", ComposeText.Literal(mount.Path))
                .Pair("read_only", mount.ReadOnly)
                .EndMap();
        }

        yaml.EndSequence();
    }

    private static void Secrets(YamlWriter yaml, ContainerSpec container)
    {
        if (container.SecretFiles.IsEmpty)
        {
            return;
        }

        yaml.BeginSequence("secrets");
        foreach (var file in container.SecretFiles)
        {
            yaml.BeginMap().Pair("source", file.Secret.ComposeName).Pair("target", ComposeText.Literal(file.Path)).EndMap();
        }

        yaml.EndSequence();
    }

    private static VolumeKind Kind(IReadOnlyList<VolumeSpec> volumes, MountSpec mount) =>
        volumes.First(volume => volume.Name == mount.Volume).Kind;

    private static IEnumerable<SecretKeySpec> SecretFiles(ServicePlan plan) =>
        PodVolumes.Containers(plan).SelectMany(container => container.SecretFiles).Select(file => file.Secret).Distinct();
}
