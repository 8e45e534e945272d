namespace SidecarGen.Pod;

/// <summary>
/// One container of the Pod (the app or a sidecar), independent of the output format: the
/// Kubernetes and Compose writers both render from it, so the two outputs cannot drift apart.
/// </summary>
internal sealed record ContainerSpec(
    string Name,
    string Image,
    Model.EquatableArray<string> Command,
    Model.EquatableArray<string> Args,
    Model.EquatableArray<PortSpec> Ports,
    Model.EquatableArray<EnvVarSpec> Env,
    Model.EquatableArray<MountSpec> Mounts,
    Model.EquatableArray<SecretFileSpec> SecretFiles,
    ProbeSpec? Probe,
    ResourceSpec Resources,
    Model.EquatableArray<string> AddCapabilities,
    bool RunAsRoot)
{
    /// <summary>
    /// The startup and liveness probe, which restart the container when they fail, where it differs from
    /// the readiness probe <see cref="Probe"/> (the app's <c>LivenessPath</c>); null: the same probe.
    /// </summary>
    public ProbeSpec? Liveness { get; init; }
}
