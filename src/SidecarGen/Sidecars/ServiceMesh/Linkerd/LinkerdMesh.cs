using System.Collections.Generic;
using System.Globalization;
using SidecarGen.Model;
using SidecarGen.Pod;

namespace SidecarGen.Sidecars.ServiceMesh.Linkerd;

/// <summary>
/// <see cref="MeshProvider.Linkerd"/>: the Pod template carries <c>linkerd.io/inject: enabled</c>,
/// the native-sidecar annotation, the ports the proxy must skip and the proxy's resources; with
/// <c>Mtls</c>, only meshed (authenticated) callers get in, and in a system only the declared ones
/// (<see cref="LinkerdResources"/>). Retries and timeouts are client-side in Linkerd, read from the
/// annotations of the Service callers call: they go on this service's Service.
/// </summary>
internal sealed class LinkerdMesh : InjectedMesh
{
    public static readonly LinkerdMesh Instance = new();

    /// <summary>linkerd-proxy's ports: outbound 4140, inbound 4143, tap 4190, admin and metrics 4191.</summary>
    private static readonly int[] ReservedPorts = { 4140, 4143, 4190, 4191 };

    protected override string MeshName => "Linkerd";

    /// <summary>
    /// The oldest Linkerd the output works on: stable 2.16, the first whose policy controller reads retries and
    /// timeouts from the Service's annotations; its source is linkerd2's tag version-2.16, which is edge-24.8.2.
    /// </summary>
    private static readonly MeshVersion OldestStable = new(2, 16, 0);

    private static readonly MeshVersion OldestEdge = new(24, 8, 2);

    protected override string VersionProperty => ClusterAddOns.LinkerdVersionProperty;

    protected override string? Version(ClusterAddOns addOns) => addOns.LinkerdVersion;

    protected override string? Unsupported(string version)
    {
        const string below = "the output needs Linkerd stable 2.16 (edge-24.8.2) or newer, whose policy controller reads the retry.linkerd.io and timeout.linkerd.io annotations of the Service; upgrade Linkerd (docs/compatibility.md)";
        if (MeshVersion.Parse(version, "edge-") is { } edge)
        {
            return edge.CompareTo(OldestEdge) < 0 ? below : null;
        }

        return StableVersion(version) switch
        {
            null => "not a Linkerd version: write a stable release (2.18, stable-2.18.1, enterprise-2.18.1) or an edge release (edge-25.10.2)",
            var stable when stable.CompareTo(OldestStable) < 0 => below,
            _ => null,
        };
    }

    /// <summary>A stable release, bare or with the prefix its distribution gives it.</summary>
    private static MeshVersion? StableVersion(string version) =>
        MeshVersion.Parse(version, "stable-") ?? MeshVersion.Parse(version, "enterprise-") ?? MeshVersion.Parse(version, "version-") ?? MeshVersion.Parse(version, string.Empty);

    protected override string ProxyName => "linkerd-proxy";

    protected override IReadOnlyList<int> ProxyPorts => ReservedPorts;

    /// <summary>Meshed callers connect to the inbound port 4143 itself; Prometheus scrapes 4191.</summary>
    protected override IEnumerable<int> IngressPorts => new[] { 4143, 4191 };

    protected override string OutsideMesh => "Linkerd passes the call through without mutual TLS, retries or timeouts";

    /// <summary>
    /// <c>all-authenticated</c> admits unauthenticated clients such as the kubelet only on the HTTP probe
    /// routes Linkerd's policy controller finds in the Pod: it cannot see a route in TLS, a TCP probe is
    /// answered by the proxy itself, and the controllers we checked (linkerd/linkerd2
    /// <c>pod_http_probes</c>) read the probes of <c>containers</c>, not of init containers.
    /// </summary>
    protected override string EntryProbeRefused(ProbeSpec probe) => probe switch
    {
        { Https: true } => "Linkerd's all-authenticated policy refuses the kubelet: an HTTPS probe is TLS Linkerd cannot read, so no probe route admits it",
        { HttpPath: null } => "Linkerd's proxy accepts the kubelet's TCP connection itself, so the probe passes even when the sidecar is down",
        _ => "Linkerd's all-authenticated policy admits the kubelet only on the probe routes its policy controller finds, and it may not read the probes of native sidecars (init containers)",
    };

    public override IEnumerable<IgnoredProperty> Ignored(ServiceMeshOptions options)
    {
        foreach (var ignored in base.Ignored(options))
        {
            yield return ignored;
        }

        const string limits = "Linkerd has no connection limits; it balances on latency and ejects failing endpoints by failure accrual";
        yield return new IgnoredProperty(nameof(ServiceMeshSidecarAttribute.MaxConnections), limits);
        yield return new IgnoredProperty(nameof(ServiceMeshSidecarAttribute.MaxPendingRequests), limits);
    }

    /// <summary>
    /// The proxy's <c>request_total</c> in the inbound direction; <c>deployment</c> and <c>namespace</c> are the
    /// labels Linkerd Viz's Prometheus adds (the queries fluxcd/flagger <c>pkg/metrics/observers/linkerd.go</c> runs).
    /// </summary>
    protected override RequestMetric Requests(SidecarContext context) => RequestMetric.Of(
        "request_total",
        "namespace",
        context.Namespace,
        new LabelMatcher("direction", "inbound"),
        new LabelMatcher("deployment", context.ServiceName));

    protected override IEnumerable<KeyValue> PodAnnotations(ServiceMeshOptions options, SidecarContext context, MeshPorts ports)
    {
        yield return new KeyValue("linkerd.io/inject", "enabled");
        if (context.NativeSidecars)
        {
            // The one name every supported Linkerd reads: stable-2.16 knows only the alpha name, and the newest
            // edge still reads it after config.linkerd.io/ and config.beta.linkerd.io/ (pkg/inject/inject.go).
            yield return new KeyValue("config.alpha.linkerd.io/proxy-enable-native-sidecar", "true");
        }

        if (options.Mtls)
        {
            // Only meshed callers, each with its mTLS identity; the kubelet's probes of the app stay authorized.
            yield return new KeyValue("config.linkerd.io/default-inbound-policy", "all-authenticated");
        }

        if (ports.Inbound.Count > 0)
        {
            yield return new KeyValue("config.linkerd.io/skip-inbound-ports", Join(ports.Inbound));
        }

        if (ports.Outbound.Count > 0)
        {
            yield return new KeyValue("config.linkerd.io/skip-outbound-ports", Join(ports.Outbound));
        }

        foreach (var resource in ProxyResources(options.Common.Resources, "config.linkerd.io/proxy-cpu-request", "config.linkerd.io/proxy-memory-request", "config.linkerd.io/proxy-cpu-limit", "config.linkerd.io/proxy-memory-limit"))
        {
            yield return resource;
        }
    }

    protected override IEnumerable<ObjectSpec> Objects(ServiceMeshOptions options, SidecarContext context, IReadOnlyList<MeshUpstream> upstreams) =>
        LinkerdResources.For(options, context.ServiceName, context.UpstreamPort, context.Network.CallersOf(context.ServiceName));

    /// <summary>
    /// Linkerd 2.16+ reads retries and timeouts from the Service. Retried: <c>gateway-error</c> (502-504, the
    /// answers of a proxy that could not reach the app or timed out), not <c>5xx</c>, which would repeat a
    /// request the app answered with 500 after doing its work (policy-controller outbound/index/http.rs,
    /// version-2.16 and edge-26.8.3).
    /// </summary>
    protected override IEnumerable<KeyValue> ServiceAnnotations(ServiceMeshOptions options, bool entryTls)
    {
        if (entryTls)
        {
            yield break;
        }

        if (options.Retries > 0)
        {
            yield return new KeyValue("retry.linkerd.io/http", "gateway-error");
            yield return new KeyValue("retry.linkerd.io/limit", options.Retries.ToString(CultureInfo.InvariantCulture));
        }

        yield return new KeyValue("timeout.linkerd.io/request", ConfigText.Seconds(options.TimeoutSeconds));
    }
}
