using System.Collections.Generic;
using System.Linq;
using SidecarGen.Pod;
using SidecarGen.Yaml;

namespace SidecarGen.Emit.Compose;

/// <summary>
/// <c>&lt;service&gt;-secrets</c>: a one-shot service that writes each Secret key a sidecar reads as a
/// file into one tmpfs volume per Secret, which each sidecar mounts read-only at the Pod's path,
/// <c>/run/secrets/&lt;secret&gt;/&lt;key&gt;</c>. The values come from the environment of
/// <c>docker compose up</c>, as variables of this service (<see cref="ComposeText.Variable"/>), not as
/// Compose <c>secrets:</c>: Compose refuses to create a container whose <c>environment:</c> secret is
/// not set, which would stop <c>up</c> at the first missing variable before <see cref="VariableCheck"/>
/// could name them all. It holds nothing but busybox and the values, as UID 10001 on a read-only root.
/// </summary>
internal static class SecretCopier
{
    public static void Write(YamlWriter yaml, ServicePlan plan, IReadOnlyList<VolumeSpec> secretVolumes)
    {
        var keys = Keys(plan).ToList();
        yaml.BeginMap(ComposeNames.Secrets(plan.Name))
            .Pair("image", ProbeTools.Image);
        ContainerService.Strings(yaml, "entrypoint", new[] { "/bin/busybox", "sh", "-c", Script(keys) });
        ContainerService.Hardening(yaml, runAsRoot: false, readOnly: true);
        yaml.BeginMap("environment");
        foreach (var key in keys)
        {
            yaml.Pair(key.ComposeVariable, ComposeText.Variable(key.ComposeVariable));
        }

        yaml.EndMap();
        yaml.BeginSequence("volumes");
        foreach (var volume in secretVolumes)
        {
            ContainerService.Volume(yaml, "volume", ComposeNames.Volume(plan.Name, volume.Name), PodHolder.SecretsFolder + "/" + volume.Source, readOnly: false);
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

    /// <summary>
    /// Each value written exactly (<c>printf %s</c>: no newline added), readable by the owner only. Secret
    /// names are DNS subdomains and keys <c>[-._a-zA-Z0-9]</c>, so the paths need no quoting; the
    /// writer doubles each <c>$</c>, so Compose leaves them to the shell.
    /// </summary>
    private static string Script(IEnumerable<SecretKeySpec> keys) =>
        "umask 077 && "
        + string.Join(" && ", keys.Select(key => "printf %s \"$" + key.ComposeVariable + "\" > " + PodHolder.SecretsFolder + "/" + key.SecretName + "/" + key.Key));
}
