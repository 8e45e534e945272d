using System.Collections.Generic;
using System.Linq;
using SidecarGen.Pod;
using SidecarGen.Yaml;

namespace SidecarGen.Emit.Compose;

/// <summary>
/// <c>&lt;service&gt;-secrets</c>: a one-shot service that receives the Compose secrets (values from
/// the environment of <c>docker compose up</c>) and copies them into one tmpfs volume per Secret,
/// which each sidecar mounts read-only at the Pod's path, <c>/run/secrets/&lt;secret&gt;</c>.
/// Docker Compose copies an <c>environment:</c> secret into the container's root filesystem, so
/// it refuses (or fails) to give one to a <c>read_only</c> service: this copier is the only service
/// whose root filesystem is writable, and it holds nothing but the secrets and busybox, as UID 10001.
/// </summary>
internal static class SecretCopier
{
    public static void Write(YamlWriter yaml, ServicePlan plan, IReadOnlyList<VolumeSpec> secretVolumes)
    {
        yaml.BeginMap(ComposeNames.Secrets(plan.Name))
            .Pair("image", ProbeTools.Image);
        ContainerService.Strings(yaml, "entrypoint", new[] { "/bin/busybox", "cp", "-R", "-f", "/run/secrets/.", PodHolder.SecretsFolder + "/" });
        ContainerService.Hardening(yaml, runAsRoot: false, readOnly: false);
        yaml.BeginSequence("volumes");
        foreach (var volume in secretVolumes)
        {
            ContainerService.Volume(yaml, "volume", ComposeNames.Volume(plan.Name, volume.Name), PodHolder.SecretsFolder + "/" + volume.Source, readOnly: false);
        }

        yaml.EndSequence();
        yaml.BeginSequence("secrets");
        foreach (var key in Keys(plan))
        {
            yaml.BeginMap().Pair("source", ComposeNames.Secret(plan.Name, key)).Pair("target", new SecretFileSpec(key).Path).EndMap();
        }

        yaml.EndSequence();
        ContainerService.Resources(yaml, ProbeTools.Resources);
        yaml.Pair("restart", "no")
            .Pair("network_mode", "none")
            .BeginMap("depends_on")
            .BeginMap(ComposeNames.Holder(plan.Name)).Pair("condition", "service_started").Pair("restart", true).EndMap()
            .EndMap()
            .EndMap();
    }

    /// <summary>Every Secret key some container reads as a file, each once.</summary>
    public static IEnumerable<SecretKeySpec> Keys(ServicePlan plan) =>
        PodVolumes.Containers(plan).SelectMany(container => container.SecretFiles).Select(file => file.Secret).Distinct();
}
