using SidecarGen.Model;

namespace SidecarGen.Pod;

/// <summary>
/// A sidecar ready to render: its container plus what it adds to the Pod around it.
/// A volume the container mounts that is neither shared nor config is its own scratch space
/// (<see cref="PodVolumes"/>). <paramref name="InboundPort"/> is set for traffic sidecars (the port inbound requests reach);
/// <paramref name="InboundTls"/> says that port speaks TLS, so the hop in front must too.
/// <paramref name="Metrics"/> is the Prometheus endpoint it serves; <paramref name="Certificate"/> the
/// cert-manager Certificate that writes its TLS Secret, when it names an issuer.
/// </summary>
internal sealed record SidecarSpec(
    ContainerSpec Container,
    EquatableArray<ConfigFileSpec> ConfigFiles,
    EquatableArray<SharedVolumeSpec> SharedVolumes,
    EquatableArray<EnvVarSpec> AppEnv,
    EquatableArray<KeyValue> PodAnnotations,
    int? InboundPort,
    bool InboundTls = false,
    MetricsEndpoint? Metrics = null,
    CertificateSpec? Certificate = null)
{
    public string Name => Container.Name;

    /// <summary>Where a sidecar's config files are mounted, in both outputs.</summary>
    public static string ConfigMount(string sidecarName) => "/etc/sidecargen/" + sidecarName;

    /// <summary>The volume holding a sidecar's config files (a ConfigMap in Kubernetes, a bind mount in Compose).</summary>
    public static string ConfigVolume(string sidecarName) => sidecarName + "-config";
}
