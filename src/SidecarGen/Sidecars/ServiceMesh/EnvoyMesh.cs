using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Rules;

namespace SidecarGen.Sidecars.ServiceMesh;

/// <summary>
/// <see cref="MeshProvider.Envoy"/>: SidecarGen's own Envoy container as the Pod's outermost hop, in
/// Kubernetes and in Compose alike. Inbound traffic arrives on <c>InboundPort</c> (mutual TLS by
/// default, certificates from <c>TlsSecretName</c>) and goes to the next hop with retries, a timeout
/// and circuit breaking; every upstream gets a local egress listener.
/// </summary>
internal sealed class EnvoyMesh : MeshProxy
{
    public static readonly EnvoyMesh Instance = new();

    public override IEnumerable<PortProperty> Ports(ServiceMeshOptions options) => new[]
    {
        new PortProperty(nameof(ServiceMeshSidecarAttribute.InboundPort), options.InboundPort),
        new PortProperty(nameof(ServiceMeshSidecarAttribute.AdminPort), options.AdminPort),
    };

    /// <summary>Only through an upstream's egress listener, with mutual TLS on: the app's other calls leave the Pod as they are.</summary>
    public override bool PresentsClientCertificate(ServiceMeshOptions options, string callee) =>
        options.Mtls && options.Upstreams.Any(upstream => upstream.Name == callee);

    /// <summary>
    /// SCG0019 from the caller's side: an egress listener speaks mutual TLS to its upstream exactly when
    /// <c>Mtls</c> is on, so a service of the system named in <c>Upstreams</c> must speak TLS at its entry
    /// exactly then. Only a system's network knows the callee's entry; built alone this finds nothing. An
    /// upstream whose entry speaks TLS while this sidecar does too (a TLS terminator) is left alone: whether
    /// its certificate comes from this mesh's CA is not known here.
    /// </summary>
    public override void CheckPod(ServiceMeshOptions options, ServicePlan plan, AttributeFindings findings)
    {
        for (var i = 0; i < options.Upstreams.Count; i++)
        {
            if (options.Upstreams[i].Service is not { } service || plan.Network.Find(service) is not { } callee || callee.Tls == options.Mtls)
            {
                continue;
            }

            findings.Report(
                RuleIds.NoClientCertificate,
                nameof(ServiceMeshSidecarAttribute.Upstreams),
                options.Mtls
                    ? $"The egress listener for '{service}' speaks mutual TLS ({nameof(ServiceMeshSidecarAttribute.Mtls)}), but '{service}' takes plain HTTP at its entry, so every call fails its TLS handshake; turn {nameof(ServiceMeshSidecarAttribute.Mtls)} off here, or give '{service}' a [ServiceMeshSidecar] with {nameof(ServiceMeshSidecarAttribute.Mtls)}"
                    : $"The egress listener for '{service}' speaks plain HTTP ({nameof(ServiceMeshSidecarAttribute.Mtls)} = false), but '{service}' takes only TLS at its entry (its TLS terminator), so every call fails; leave '{service}' out of {nameof(ServiceMeshSidecarAttribute.Upstreams)} and call it at https:// yourself, or turn {nameof(ServiceMeshSidecarAttribute.Mtls)} on with a certificate '{service}' accepts",
                i);
        }
    }

    public override SidecarSpec Plan(ServiceMeshOptions options, SidecarContext context)
    {
        var name = options.Common.Name;
        var secretName = options.TlsSecretName is { Length: > 0 } secret ? secret : context.ServiceName + "-mesh-tls";
        var certificates = new[] { "tls.crt", "tls.key", "ca.crt" }.Select(key => new SecretFileSpec(new SecretKeySpec(secretName, key))).ToArray();
        var egress = new List<EgressListener>();
        foreach (var upstream in MeshUpstreams.Resolve(options, context.Network))
        {
            egress.Add(new EgressListener(upstream, ServiceMeshSidecar.FirstEgressPort + egress.Count));
        }

        // A caller's identity is the name the system reaches it by, as a callee's is (docs/sidecars/service-mesh.md, "Identities").
        var callers = context.Network.CallersOf(context.ServiceName).Select(caller => context.Network.Resolve(caller).Host).ToList();
        var settings = new MeshSettings(
            options.InboundPort,
            ServiceMeshSidecar.StatsPort,
            options.AdminPort,
            context.UpstreamPort,
            context.UpstreamTls,
            options.Mtls,
            certificates[0].Path,
            certificates[1].Path,
            certificates[2].Path,
            options.MaxConnections,
            options.MaxPendingRequests,
            options.Retries,
            options.TimeoutSeconds,
            egress,
            callers)
        {
            AppProtocol = context.UpstreamProtocol,
        };

        var stats = new PortSpec("mesh-stats", ServiceMeshSidecar.StatsPort);
        var ports = new List<PortSpec>
        {
            new("mesh-inbound", options.InboundPort),
            stats,
            new("mesh-admin", options.AdminPort),
        };
        for (var i = 0; i < egress.Count; i++)
        {
            ports.Add(new PortSpec("mesh-egress-" + i.ToString(CultureInfo.InvariantCulture), egress[i].LocalPort));
        }

        var container = CommonSettings.Container(
            options.Common,
            CommonSettings.Image(options.Common, ServiceMeshSidecar.Image),
            new[] { "envoy" },
            new[] { "--config-path", SidecarSpec.ConfigMount(name) + "/" + EnvoyConfig.FileName, "--log-level", "warn" },
            ports,
            System.Array.Empty<EnvVarSpec>(),
            new[] { CommonSettings.ConfigMount(name), new MountSpec(name + "-tmp", "/tmp", ReadOnly: false) },
            ProbeSpec.Http(stats.Name, "/ready"),
            options.Mtls ? certificates : null);

        return new SidecarSpec(
            container,
            ConfigFiles: EquatableArray.Of(new ConfigFileSpec(EnvoyConfig.FileName, new EnvoyConfig(settings).Render())),
            AppEnv: egress.SelectMany(e => MeshUpstreams.AppEnv(e.Upstream, "http://127.0.0.1:" + e.LocalPort.ToString(CultureInfo.InvariantCulture))).ToEquatableArray(),
            InboundPort: options.InboundPort,
            InboundTls: options.Mtls,
            Metrics: new MetricsEndpoint(stats.Name, stats.Port, "/stats/prometheus"),
            Certificate: options.Mtls ? CertificateIssuers.For(options.Issuer, certificates[0], clientAuth: true) : null,
            Requests: Requests(context));
    }

    /// <summary>
    /// The inbound listener's request counter. Envoy's stats carry no Pod identity: <c>namespace</c> and
    /// <c>pod</c> are the target labels the scraper adds (Prometheus Operator's PodMonitor and ServiceMonitor
    /// do), and a Deployment's Pods are named <c>&lt;deployment&gt;-&lt;template hash&gt;-&lt;suffix&gt;</c>.
    /// </summary>
    private static RequestMetric Requests(SidecarContext context) => RequestMetric.Of(
        "envoy_http_downstream_rq_total",
        "namespace",
        context.Namespace,
        new LabelMatcher("envoy_http_conn_manager_prefix", EnvoyConfig.InboundStatPrefix),
        new LabelMatcher("pod", context.ServiceName + "-[a-z0-9]+-[a-z0-9]+", Regex: true));
}
