using System.Collections.Generic;
using System.Globalization;
using SidecarGen.Pod;
using SidecarGen.Yaml;

namespace SidecarGen.Emit.Compose;

/// <summary>
/// <c>&lt;service&gt;-pod</c>: what the Pod's pause container is. It starts first, owns the network
/// namespace every other container joins (so a crashing app no longer takes the sidecars' network
/// with it), publishes the entry port and answers to the service's name on the Compose network. It
/// also puts its static busybox into the tools volume the health checks run (<see cref="ProbeTools"/>),
/// and keeps the secret volumes mounted (a tmpfs volume is emptied when no container mounts it).
/// </summary>
internal static class PodHolder
{
    /// <summary>Where the holder and the secret copier mount the secret volumes.</summary>
    public const string SecretsFolder = "/sidecargen-secrets";

    /// <summary>
    /// Copies busybox into the tools volume (renamed into place: a health check may be running the old
    /// copy), then sleeps until TERM. A shell as PID 1 ignores TERM without a trap: stopping would
    /// take Docker's 10 s timeout.
    /// </summary>
    private const string Script =
        "trap 'exit 0' TERM INT; "
        + "/bin/busybox cp /bin/busybox " + ProbeTools.Folder + "/.busybox && /bin/busybox mv -f " + ProbeTools.Folder + "/.busybox " + ProbeTools.Busybox + " || exit 1; "
        + "while :; do /bin/busybox sleep 3600 & wait; done";

    // publishedPort: the host port of the entry; the app's port alone, the system's choice in a system (no two alike).
    public static void Write(YamlWriter yaml, ServicePlan plan, IReadOnlyList<VolumeSpec> secretVolumes, int publishedPort)
    {
        yaml.BeginMap(ComposeNames.Holder(plan.Name))
            .Pair("image", ProbeTools.Image);
        ContainerService.Strings(yaml, "entrypoint", new[] { "/bin/busybox", "sh", "-c", Script });
        ContainerService.Hardening(yaml, runAsRoot: false, readOnly: true);
        yaml.BeginSequence("volumes");
        ContainerService.Volume(yaml, "volume", ComposeNames.Volume(plan.Name, ProbeTools.Volume), ProbeTools.Folder, readOnly: false);
        foreach (var volume in secretVolumes)
        {
            ContainerService.Volume(yaml, "volume", ComposeNames.Volume(plan.Name, volume.Name), SecretsFolder + "/" + volume.Source, readOnly: true);
        }

        yaml.EndSequence();
        ContainerService.Resources(yaml, ProbeTools.Resources);
        Healthcheck.Write(yaml, new[] { "/bin/busybox", "test", "-x", ProbeTools.Busybox });
        yaml.Pair("restart", "unless-stopped")
            .BeginSequence("ports")
            .BeginMap()
            .Pair("name", plan.Entry.PortName)
            .Pair("target", plan.Entry.Port)
            .Pair("published", publishedPort.ToString(CultureInfo.InvariantCulture))
            .Pair("protocol", "tcp")
            .EndMap()
            .EndSequence()
            .BeginMap("networks").BeginMap("default").BeginSequence("aliases").String(plan.Name).EndSequence().EndMap().EndMap()
            .EndMap();
    }
}
