using System.Globalization;
using SidecarGen.Model;

namespace SidecarGen.Pod;

/// <summary>
/// The static busybox a probe runs where the container's image has no client of its own (distroless
/// images have none): copied into the Pod's tools volume before any other container starts (in
/// Compose by the holder, in Kubernetes by the init container <see cref="Installer"/>) and mounted
/// read-only at <see cref="Folder"/> by every container whose probe runs it.
/// </summary>
internal static class ProbeTools
{
    /// <summary>A static, 1.5 MB multi-call binary; docs/images.md says why this one.</summary>
    public const string Image = "busybox:1.37.0-musl";

    public const string Volume = "sidecargen-tools";

    public const string Folder = "/sidecargen";

    public const string Busybox = Folder + "/busybox";

    /// <summary>The Kubernetes init container that fills the tools volume; no sidecar may take its name (NameRules).</summary>
    public const string InstallerName = Volume;

    /// <summary>What copying busybox, or the Compose holder's wait loop, needs, and nothing more.</summary>
    public static readonly ResourceSpec Resources = new("10m", "8Mi", "100m", "32Mi");

    /// <summary>
    /// An HTTP GET from inside the container's own network namespace: it reaches a server that listens
    /// on loopback only, which a request from the node cannot. Non-zero exit on a refused connection
    /// or an HTTP status of 400 and above.
    /// </summary>
    public static ProbeSpec HttpGet(int port, string path) => ProbeSpec.Command(
        Busybox, "wget", "-q", "-O", "/dev/null", "http://" + AppListener.Loopback + ":" + port.ToString(CultureInfo.InvariantCulture) + path);

    /// <summary>
    /// A socket listening on <paramref name="port"/> in this network namespace, read from
    /// <c>/proc/net/tcp</c> and <c>tcp6</c> (state <c>0A</c>): the check of a server no busybox client
    /// speaks to (HTTP/2, TLS), which needs no client that could hang.
    /// </summary>
    public static ProbeSpec Listening(int port) => ProbeSpec.Command(
        Busybox, "grep", "-qsE",
        "^ *[0-9]+: [0-9A-F]+:" + port.ToString("X4", CultureInfo.InvariantCulture) + " [0-9A-F]+:0000 0A ",
        "/proc/net/tcp", "/proc/net/tcp6");

    /// <summary>True when <paramref name="probe"/> runs the tools, so its container mounts them.</summary>
    public static bool RunBy(ProbeSpec? probe) => probe is { Exec.IsEmpty: false } && probe.Exec[0] == Busybox;

    /// <summary>
    /// A one-shot init container, first in the Pod, that copies its busybox into the tools volume (an
    /// <c>emptyDir</c>, kept across the app's restarts). Kubernetes allows no probe on it: it ends.
    /// </summary>
    public static ContainerSpec Installer => new(
        InstallerName,
        Image,
        EquatableArray.Of("/bin/busybox", "cp", "/bin/busybox", Busybox),
        EquatableArray<string>.Empty,
        EquatableArray<PortSpec>.Empty,
        EquatableArray<EnvVarSpec>.Empty,
        EquatableArray.Of(new MountSpec(Volume, Folder, ReadOnly: false)),
        EquatableArray<SecretFileSpec>.Empty,
        Probe: null,
        Resources,
        EquatableArray<string>.Empty,
        RunAsRoot: false);
}
