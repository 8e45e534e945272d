using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SidecarGen.Pod;
using SidecarGen.Yaml;

namespace SidecarGen.Emit.Compose;

/// <summary>
/// <c>&lt;service&gt;-pod</c>: what the Pod's pause container is. It starts first, owns the network
/// namespace every other container joins (so a crashing app no longer takes the sidecars' network
/// with it), publishes the entry port and answers to the service's name on the Compose network. It
/// also puts its static busybox into the tools volume the health checks run (<see cref="ProbeTools"/>), and keeps the secret
/// and state volumes mounted (a tmpfs volume is emptied when no container mounts it), so a sidecar's
/// state outlives the sidecar's restarts as an <c>emptyDir</c> does. When the Pod reads secrets it
/// starts only after <see cref="VariableCheck"/> has found every variable set.
/// </summary>
internal static class PodHolder
{
    /// <summary>Where the holder and the secret copier mount the secret volumes.</summary>
    public const string SecretsFolder = "/sidecargen-secrets";

    /// <summary>Where the holder mounts the sidecars' state volumes, each in a folder named after it.</summary>
    public const string StateFolder = "/sidecargen-state";

    /// <summary>
    /// Copies busybox into the tools volume (renamed into place: a health check may be running the old
    /// copy), then sleeps until TERM. A shell as PID 1 ignores TERM without a trap: stopping would
    /// take Docker's 10 s timeout.
    /// </summary>
    private const string Script =
        "trap 'exit 0' TERM INT; "
        + "/bin/busybox cp /bin/busybox " + ProbeTools.Folder + "/.busybox && /bin/busybox mv -f " + ProbeTools.Folder + "/.busybox " + ProbeTools.Busybox + " || exit 1; "
        + "while :; do /bin/busybox sleep 3600 & wait; done";

    // publishedPort: the default host port of the entry, which <service>_HOST_PORT overrides; the app's port alone, the system's choice in a system (no two alike).
    public static void Write(YamlWriter yaml, ServicePlan plan, IReadOnlyList<VolumeSpec> volumes, int publishedPort, bool waitForVariables)
    {
        yaml.BeginMap(ComposeNames.Holder(plan.Name))
            .Pair("image", ProbeTools.Image);
        ContainerService.Strings(yaml, "entrypoint", new[] { "/bin/busybox", "sh", "-c", Script });
        ContainerService.Hardening(yaml, runAsRoot: false, readOnly: true);
        yaml.BeginSequence("volumes");
        ContainerService.Volume(yaml, "volume", ComposeNames.Volume(plan.Name, ProbeTools.Volume), ProbeTools.Folder, readOnly: false);
        foreach (var volume in volumes.Where(volume => volume.Kind == VolumeKind.Secret))
        {
            ContainerService.Volume(yaml, "volume", ComposeNames.Volume(plan.Name, volume.Name), SecretsFolder + "/" + volume.Source, readOnly: true);
        }

        foreach (var volume in volumes.Where(volume => volume.Kind == VolumeKind.State))
        {
            ContainerService.Volume(yaml, "volume", ComposeNames.Volume(plan.Name, volume.Name), StateFolder + "/" + volume.Name, readOnly: true);
        }

        yaml.EndSequence();
        ContainerService.Resources(yaml, ProbeTools.Resources);
        Healthcheck.Write(yaml, new[] { "/bin/busybox", "test", "-x", ProbeTools.Busybox });
        yaml.Pair("restart", "unless-stopped")
            .BeginSequence("ports")
            .BeginMap()
            .Pair("name", plan.Entry.PortName)
            .Pair("target", plan.Entry.Port)
            .Pair("published", ComposeText.VariableOr(ComposeNames.HostPortVariable(plan.Name), publishedPort.ToString(CultureInfo.InvariantCulture)))
            .Pair("protocol", "tcp")
            .EndMap()
            .EndSequence()
            .BeginMap("networks").BeginMap("default").BeginSequence("aliases").String(plan.Name).EndSequence().EndMap().EndMap();
        if (waitForVariables)
        {
            yaml.BeginMap("depends_on")
                .BeginMap(ComposeNames.Variables(plan.Name)).Pair("condition", "service_completed_successfully").Pair("restart", false).EndMap()
                .EndMap();
        }

        yaml.EndMap();
    }
}
