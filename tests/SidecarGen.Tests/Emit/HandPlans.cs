using SidecarGen.Model;
using SidecarGen.Pod;

namespace SidecarGen.Tests.Emit;

/// <summary>
/// <see cref="ServicePlan"/>s built by hand, without attributes or the generator, so the writers are
/// tested on exactly the plan they are given: the app <c>shop</c> on port 8080, a <see cref="Tailer"/>
/// with one of every kind of volume and an exec probe, and a TLS <see cref="Gate"/> in front.
/// </summary>
internal static class HandPlans
{
    public const string App = "shop";

    public static readonly SecretKeySpec CaCertificate = new("shop-creds", "ca.crt");

    public static readonly SecretKeySpec Token = new("shop-creds", "token");

    /// <summary>
    /// A log tailer: its config file, a key of a Secret as a file, the app's log folder (shared), a
    /// scratch folder of its own, an env var from that Secret, a scrape port, and an exec probe.
    /// </summary>
    public static readonly SidecarSpec Tailer = new(
        Container(
            "tailer",
            "example/tailer:1.2.3",
            new PortSpec("tailer-metrics", 9100),
            new[]
            {
                new MountSpec(SidecarSpec.ConfigVolume("tailer"), SidecarSpec.ConfigMount("tailer"), ReadOnly: true),
                new MountSpec("tailer-logs", "/var/log/shop", ReadOnly: true),
                new MountSpec("tailer-state", "/var/lib/tailer", ReadOnly: false),
            },
            ProbeSpec.Command("cat", "/tmp/ready")) with
        {
            Command = EquatableArray.Of("/bin/tailer"),
            Args = EquatableArray.Of("--config", "/etc/sidecargen/tailer/tailer.conf"),
            Env = EquatableArray.Of(EnvVarSpec.Literal("PATTERN", "$HOME/*.log"), EnvVarSpec.FromSecret("TAILER_TOKEN", Token)),
            SecretFiles = EquatableArray.Of(new SecretFileSpec(CaCertificate)),
        },
        EquatableArray.Of(new ConfigFileSpec("tailer.conf", "[INPUT]\n    path /var/log/shop/*.log\n")),
        EquatableArray.Of(new SharedVolumeSpec("tailer-logs", "/var/log/shop", AppReadOnly: false)),
        EquatableArray<EnvVarSpec>.Empty,
        EquatableArray<KeyValue>.Empty,
        InboundPort: null,
        Metrics: new MetricsEndpoint("tailer-metrics", 9100, "/metrics"));

    /// <summary>A TLS-terminating proxy that takes the Pod's inbound traffic on 8443 and is probed over TCP.</summary>
    public static readonly SidecarSpec Gate = new(
        Container("gate", "example/gate:2.0.0", new PortSpec("https", 8443), Array.Empty<MountSpec>(), ProbeSpec.Tcp("https")),
        EquatableArray<ConfigFileSpec>.Empty,
        EquatableArray<SharedVolumeSpec>.Empty,
        EquatableArray<EnvVarSpec>.Empty,
        EquatableArray<KeyValue>.Empty,
        InboundPort: 8443,
        InboundTls: true);

    /// <summary>
    /// A proxy the cluster injects: no container to render, but a Pod label and annotation, a Service
    /// annotation and <c>appProtocol</c>, an extra admitted port, and an object of its own whose strings
    /// would break naive YAML.
    /// </summary>
    public static readonly SidecarSpec Injected = new(
        Container("mesh-proxy", "(injected)", new PortSpec("mesh-15006", 15006), Array.Empty<MountSpec>(), ProbeSpec.Tcp("mesh-15006")),
        EquatableArray<ConfigFileSpec>.Empty,
        EquatableArray<SharedVolumeSpec>.Empty,
        EquatableArray<EnvVarSpec>.Empty,
        EquatableArray.Of(new KeyValue("mesh.example.com/inject", "true")),
        InboundPort: null,
        PodLabels: EquatableArray.Of(new KeyValue("mesh.example.com/member", "yes")),
        ServiceAnnotations: EquatableArray.Of(new KeyValue("mesh.example.com/timeout", "15s")),
        ServiceAppProtocol: "http",
        IngressPorts: EquatableArray.Of(15090),
        Objects: EquatableArray.Of(new ObjectSpec("mesh-policy.yaml", "policy.example.com/v1", "Policy", "shop-policy", SpecNode.Map(
            SpecField.Of("spec", SpecNode.Map(
                SpecField.Of("hosts", SpecNode.Strings(new[] { "shop", "yes", "0755", "a: #b", "---" })),
                SpecField.Of("retries", 3),
                SpecField.Of("strict", true),
                SpecField.Of("rules", SpecNode.Sequence(SpecNode.Map(SpecField.Of("match", "{{ x }}"))))))))),
        Injected: true);

    /// <summary>
    /// The plan of <see cref="App"/> with <paramref name="sidecars"/> (native ones, two replicas, no
    /// namespace: change them with <c>with</c>); the app mounts their shared volumes as the planner
    /// would, and the entry point is the last sidecar taking inbound traffic, else the app.
    /// </summary>
    public static ServicePlan Plan(params SidecarSpec[] sidecars)
    {
        var shared = sidecars.SelectMany(s => s.SharedVolumes).Select(v => new MountSpec(v.Volume, v.AppPath, v.AppReadOnly));
        var app = Container(
            App,
            "registry.example.com/shop:3.1.4",
            new PortSpec("http", 8080),
            new[] { new MountSpec("tmp", "/tmp", ReadOnly: false) }.Concat(shared).ToArray(),
            ProbeSpec.Http("http", "/healthz")) with
        {
            Resources = new ResourceSpec("250m", "256Mi", "1", "512Mi"),
        };
        var entry = sidecars.LastOrDefault(s => s.InboundPort is not null) is { } front
            ? new EntryPoint(front.Name, front.Container.Ports.Single(p => p.Port == front.InboundPort).Name, front.InboundPort!.Value)
            : new EntryPoint(App, "http", 8080);

        return new ServicePlan(App, "3.1.4", null, 2, app, sidecars.ToEquatableArray(), entry, NativeSidecars: true, Kubernetes: true, Compose: true, Host: null, AddOns: ClusterAddOns.None);
    }

    /// <summary>The usual plan of these tests: the tailer and the gate.</summary>
    public static ServicePlan Full(bool nativeSidecars = true) => Plan(Tailer, Gate) with { NativeSidecars = nativeSidecars };

    private static ContainerSpec Container(string name, string image, PortSpec port, MountSpec[] mounts, ProbeSpec probe) => new(
        name,
        image,
        EquatableArray<string>.Empty,
        EquatableArray<string>.Empty,
        EquatableArray.Of(port),
        EquatableArray<EnvVarSpec>.Empty,
        mounts.ToEquatableArray(),
        EquatableArray<SecretFileSpec>.Empty,
        probe,
        new ResourceSpec("50m", "64Mi", "200m", "128Mi"),
        EquatableArray<string>.Empty,
        RunAsRoot: false);
}
