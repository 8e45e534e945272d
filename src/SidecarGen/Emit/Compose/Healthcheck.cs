using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SidecarGen.Pod;
using SidecarGen.Yaml;

namespace SidecarGen.Emit.Compose;

/// <summary>
/// A container's Kubernetes probe (<see cref="ProbeSpec"/>) as a Compose health check, so
/// <c>docker compose ps</c> shows the readiness the kubelet sees and the app can wait for it.
/// Distroless images have no shell or client, so HTTP and TCP checks run the holder's static
/// busybox (<see cref="ProbeTools"/>) from a read-only volume, inside the container's own network
/// namespace; an exec probe runs as it does in the Pod.
/// </summary>
internal static class Healthcheck
{
    public static IReadOnlyList<string> Test(ContainerSpec container, ProbeSpec probe)
    {
        if (!probe.Exec.IsEmpty)
        {
            return probe.Exec.ToList();
        }

        var port = container.Ports.First(candidate => candidate.Name == probe.PortName).Port;
        return probe.HttpPath is { } path && !probe.Https
            ? ProbeTools.HttpGet(port, path).Exec.ToList()
            : Listening(port);
    }

    /// <summary>
    /// The Compose check of a TCP or gRPC probe, and of an HTTPS one (busybox's TLS client does not speak
    /// every server's TLS): a socket listening on the port (<see cref="ProbeTools.Listening"/>).
    /// </summary>
    private static List<string> Listening(int port) => ProbeTools.Listening(port).Exec.ToList();

    /// <summary>
    /// Checked every 2 s, as the startup probe, with the probes' timeout; failures in the first 120 s (the
    /// startup probe's 60 × 2 s) do not count. No <c>start_interval</c>: Docker Engine before 25 refuses it.
    /// </summary>
    public static void Write(YamlWriter yaml, IReadOnlyList<string> test)
    {
        yaml.BeginMap("healthcheck");
        ContainerService.Strings(yaml, "test", new[] { "CMD" }.Concat(test));
        yaml.Pair("interval", "2s")
            .Pair("timeout", ProbeSpec.TimeoutSeconds.ToString(CultureInfo.InvariantCulture) + "s")
            .Pair("retries", 3)
            .Pair("start_period", "120s")
            .EndMap();
    }
}
