using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Rules;

namespace SidecarGen.Sidecars.ServiceMesh;

/// <summary>
/// What Istio and Linkerd share: the mesh injects its proxy at admission, so SidecarGen runs no
/// container of its own (in Compose, where no mesh exists, neither), asks for injection on the Pod
/// template, lets the app call its upstreams directly (the proxy intercepts the calls), and keeps
/// out of the proxy's way the ports only the node or Prometheus reach (other sidecars' probes, the
/// scrape port) and the config store the app waits for.
/// </summary>
internal abstract class InjectedMesh : MeshProxy
{
    /// <summary>The mesh's name, as users know it.</summary>
    protected abstract string MeshName { get; }

    /// <summary>The injected proxy container's name.</summary>
    protected abstract string ProxyName { get; }

    /// <summary>Every port the injected proxy listens on in the Pod's network namespace.</summary>
    protected abstract IReadOnlyList<int> ProxyPorts { get; }

    /// <summary>What happens to a call that leaves the mesh (the rest of SCG0021's message).</summary>
    protected abstract string OutsideMesh { get; }

    /// <summary>The Pod template's annotations for these options and ports.</summary>
    protected abstract IEnumerable<KeyValue> PodAnnotations(ServiceMeshOptions options, SidecarContext context, MeshPorts ports);

    protected virtual IEnumerable<KeyValue> PodLabels(ServiceMeshOptions options) => Enumerable.Empty<KeyValue>();

    /// <summary>The Service's annotations; <paramref name="entryTls"/> says the Pod's entry speaks TLS, which the mesh only passes through.</summary>
    protected virtual IEnumerable<KeyValue> ServiceAnnotations(ServiceMeshOptions options, bool entryTls) => Enumerable.Empty<KeyValue>();

    /// <summary>The MSBuild property that names the mesh's version.</summary>
    protected abstract string VersionProperty { get; }

    /// <summary>The version <see cref="VersionProperty"/> names, as written; null when unset (any supported version).</summary>
    protected abstract string? Version(ClusterAddOns addOns);

    /// <summary>Why the output cannot work on <paramref name="version"/> (below the supported range, or not a version); null when it can.</summary>
    protected abstract string? Unsupported(string version);

    /// <summary>Ports of the proxy other Pods reach (its inbound or telemetry port), admitted by the NetworkPolicy.</summary>
    protected abstract IEnumerable<int> IngressPorts { get; }

    /// <summary>The proxy's counter of the requests coming into this service's Pods, as the mesh's Prometheus labels it.</summary>
    protected abstract RequestMetric Requests(SidecarContext context);

    protected virtual IEnumerable<ObjectSpec> Objects(ServiceMeshOptions options, SidecarContext context, IReadOnlyList<MeshUpstream> upstreams) => Enumerable.Empty<ObjectSpec>();

    public override IEnumerable<IgnoredProperty> Ignored(ServiceMeshOptions options)
    {
        var injects = $"{MeshName} injects its own proxy";
        yield return new IgnoredProperty(nameof(ServiceMeshSidecarAttribute.InboundPort), injects + "; inbound traffic reaches the next hop on its own port");
        yield return new IgnoredProperty(nameof(ServiceMeshSidecarAttribute.AdminPort), injects + " with its own admin port");
        yield return new IgnoredProperty(nameof(ServiceMeshSidecarAttribute.TlsSecretName), $"{MeshName} issues the workload certificates itself");
        yield return new IgnoredProperty(nameof(ServiceMeshSidecarAttribute.CertificateIssuer), $"{MeshName} issues the workload certificates itself");
        yield return new IgnoredProperty(nameof(SidecarAttribute.Image), injects + " (its image is the mesh's installation setting)");
        yield return new IgnoredProperty(nameof(SidecarAttribute.Ports), injects);
        yield return new IgnoredProperty(nameof(SidecarAttribute.Args), injects);
        yield return new IgnoredProperty(nameof(SidecarAttribute.Env), injects);
        yield return new IgnoredProperty(nameof(SidecarAttribute.Capabilities), injects);
        yield return new IgnoredProperty(nameof(SidecarAttribute.RunAsRoot), injects);
    }

    /// <summary>The proxy counts with what the attribute gives it; the mesh's own defaults are not known here.</summary>
    public override ResourceOptions? Requests(ServiceMeshOptions options) =>
        new(options.Common.Resources.CpuRequest, options.Common.Resources.MemoryRequest, null, null);

    public override void Check(ServiceMeshOptions options, AttributeFindings findings)
    {
        for (var i = 0; i < options.Upstreams.Count; i++)
        {
            if (options.Upstreams[i].Upstream is { } upstream && !IsInCluster(upstream.Host))
            {
                findings.Report(RuleIds.UpstreamOutsideMesh, nameof(ServiceMeshSidecarAttribute.Upstreams), $"'{upstream.Host}' is outside the cluster: {OutsideMesh}", i);
            }
        }
    }

    /// <summary>
    /// SCG0020: behind a TLS terminator the mesh sees only encrypted bytes, so it cannot retry or time
    /// out requests; those settings are left out of its resources.
    /// </summary>
    public override void CheckPod(ServiceMeshOptions options, ServicePlan plan, AttributeFindings findings)
    {
        if (plan.Sidecars.Any(sidecar => sidecar.Injected && sidecar.ServiceAppProtocol == "https"))
        {
            findings.Report(
                RuleIds.IgnoredSetting,
                nameof(ServiceMeshSidecarAttribute.Mesh),
                $"{nameof(ServiceMeshSidecarAttribute.Retries)} and {nameof(ServiceMeshSidecarAttribute.TimeoutSeconds)} have no effect here: the Pod's entry '{plan.Entry.ContainerName}' speaks TLS, which {MeshName} passes through without seeing requests");
        }

        CheckEntryProbe(options, plan, findings);
        if (Version(plan.AddOns) is { } version && Unsupported(version) is { } reason)
        {
            findings.Report(RuleIds.MeshVersionUnsupported, nameof(ServiceMeshSidecarAttribute.Mesh), $"{VersionProperty} '{version}': {reason}");
        }
    }

    /// <summary>
    /// SCG0022: the other sidecars' probe ports bypass the proxy, but the entry hop's cannot: callers
    /// must pass mutual TLS there, and so must the kubelet, unless the mesh lets its probe through.
    /// </summary>
    private void CheckEntryProbe(ServiceMeshOptions options, ServicePlan plan, AttributeFindings findings)
    {
        if (!options.Mtls || plan.AppIsEntry)
        {
            return;
        }

        var entry = plan.Running.FirstOrDefault(sidecar => sidecar.Name == plan.Entry.ContainerName)?.Container;
        if (entry?.Probe is { Exec.IsEmpty: true } probe && probe.PortName == plan.Entry.PortName)
        {
            findings.Report(
                RuleIds.ProbeBehindStrictMtls,
                nameof(ServiceMeshSidecarAttribute.Mtls),
                $"The probes of '{entry.Name}' reach port {plan.Entry.Port}, where {EntryProbeRefused(probe)}");
        }
    }

    /// <summary>Why the mesh, with mutual TLS, refuses the kubelet's <paramref name="probe"/> of the entry sidecar (a native sidecar, an init container).</summary>
    protected abstract string EntryProbeRefused(ProbeSpec probe);

    public sealed override SidecarSpec Plan(ServiceMeshOptions options, SidecarContext context)
    {
        var upstreams = MeshUpstreams.Resolve(options, context.Network);
        var ports = MeshPorts.Of(context);
        var resources = options.Common.Resources;

        // The proxy is the mesh's: it is never rendered, and stands in the plan so the Pod's checks count its ports.
        var proxy = new ContainerSpec(
            ProxyName,
            "(injected by " + MeshName + ")",
            EquatableArray<string>.Empty,
            EquatableArray<string>.Empty,
            ProxyPorts.Select(port => new PortSpec(ProxyName.Split('-')[0] + "-" + port.ToString(CultureInfo.InvariantCulture), port)).ToEquatableArray(),
            EquatableArray<EnvVarSpec>.Empty,
            EquatableArray<MountSpec>.Empty,
            EquatableArray<SecretFileSpec>.Empty,
            null,
            new ResourceSpec(resources.CpuRequest ?? "0", resources.MemoryRequest ?? "0", resources.CpuLimit ?? "0", resources.MemoryLimit ?? "0"),
            EquatableArray<string>.Empty,
            RunAsRoot: false);

        return new SidecarSpec(
            proxy,
            AppEnv: upstreams.SelectMany(upstream => MeshUpstreams.AppEnv(upstream, DirectUrl(upstream))).ToEquatableArray(),
            PodAnnotations: PodAnnotations(options, context, ports).ToEquatableArray(),
            PodLabels: PodLabels(options).ToEquatableArray(),
            ServiceAnnotations: ServiceAnnotations(options, context.UpstreamTls).ToEquatableArray(),
            ServiceAppProtocol: context.UpstreamTls ? "https" : AppListener.AppProtocol(context.UpstreamProtocol),
            IngressPorts: IngressPorts.ToEquatableArray(),
            Objects: Objects(options, context, upstreams).ToEquatableArray(),
            Injected: true,
            Requests: Requests(context));
    }

    /// <summary>
    /// A host the cluster's DNS serves: a bare Service name, or one under <c>.svc</c>
    /// (<c>ledger.finance.svc.cluster.local</c>). Anything else is outside the cluster, so outside the mesh.
    /// </summary>
    public static bool IsInCluster(string host) =>
        host.IndexOf('.') < 0 || host.EndsWith(".svc", System.StringComparison.Ordinal) || host.Contains(".svc.");

    /// <summary>The upstream itself: the mesh's proxy intercepts the call. Port 443 is HTTPS, which the app speaks itself.</summary>
    private static string DirectUrl(MeshUpstream upstream) =>
        (upstream.Port == 443 ? "https://" : "http://") + upstream.Host + ":" + upstream.Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Resource annotations of the proxy: each one the attribute set, under the mesh's own key.</summary>
    protected static IEnumerable<KeyValue> ProxyResources(ResourceOptions resources, string cpuRequest, string memoryRequest, string cpuLimit, string memoryLimit)
    {
        foreach (var (key, value) in new[] { (cpuRequest, resources.CpuRequest), (memoryRequest, resources.MemoryRequest), (cpuLimit, resources.CpuLimit), (memoryLimit, resources.MemoryLimit) })
        {
            if (value is not null)
            {
                yield return new KeyValue(key, value);
            }
        }
    }

    protected static string Join(IEnumerable<int> ports) => string.Join(",", ports.Select(port => port.ToString(CultureInfo.InvariantCulture)));
}
