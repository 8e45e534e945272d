using SidecarGen.Model;

namespace SidecarGen.Pod;

/// <summary>
/// A sidecar ready to render: its container plus what it adds to the Pod around it.
/// A volume the container mounts that is neither shared nor config is its own scratch space
/// (<see cref="PodVolumes"/>). <paramref name="InboundPort"/> is set for traffic sidecars (the port inbound requests reach);
/// <paramref name="InboundTls"/> says that port speaks TLS, so the hop in front must too.
/// <para>
/// A sidecar may also shape the objects around the Pod: labels of the Pod template, annotations and
/// the <c>appProtocol</c> of the Service, extra ports the NetworkPolicy admits, and whole objects
/// beside the Deployment. <paramref name="MeshBypassPorts"/> are ports outside the Pod the sidecar must
/// reach directly, not through a mesh's proxy (a config store the app waits for).
/// <paramref name="Injected"/> says the cluster injects the container (a mesh's proxy): the writers
/// do not render it, and the checks still count its ports.
/// </para>
/// <para>
/// <paramref name="Metrics"/> is the Prometheus endpoint it serves; <paramref name="Certificate"/> the
/// cert-manager Certificate that writes its TLS Secret, when it names an issuer; <paramref name="Requests"/>
/// the Prometheus counter of the requests it sees come in, for a request-rate autoscaler.
/// </para>
/// </summary>
internal sealed record SidecarSpec(
    ContainerSpec Container,
    EquatableArray<ConfigFileSpec> ConfigFiles = default,
    EquatableArray<SharedVolumeSpec> SharedVolumes = default,
    EquatableArray<EnvVarSpec> AppEnv = default,
    EquatableArray<KeyValue> PodAnnotations = default,
    int? InboundPort = null,
    bool InboundTls = false,
    EquatableArray<KeyValue> PodLabels = default,
    EquatableArray<KeyValue> ServiceAnnotations = default,
    string? ServiceAppProtocol = null,
    EquatableArray<int> IngressPorts = default,
    EquatableArray<ObjectSpec> Objects = default,
    EquatableArray<int> MeshBypassPorts = default,
    bool Injected = false,
    MetricsEndpoint? Metrics = null,
    CertificateSpec? Certificate = null,
    RequestMetric? Requests = null)
{
    /// <summary>The position of the attribute that declared it on the service class (<see cref="Model.SidecarDeclaration.Ordinal"/>), set by the planner.</summary>
    public int Ordinal { get; init; } = -1;

    public string Name => Container.Name;

    /// <summary>Where a sidecar's config files are mounted, in both outputs.</summary>
    public static string ConfigMount(string sidecarName) => "/etc/sidecargen/" + sidecarName;

    /// <summary>The volume holding a sidecar's config files (a ConfigMap in Kubernetes, a bind mount in Compose).</summary>
    public static string ConfigVolume(string sidecarName) => sidecarName + "-config";
}
