using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Rules;

namespace SidecarGen.Sidecars.ServiceMesh;

/// <summary>
/// <c>[ServiceMeshSidecar]</c>: Envoy as the Pod's outermost hop. Inbound traffic arrives on
/// <c>InboundPort</c> (mutual TLS by default, certificates from <c>TlsSecretName</c>: <c>tls.crt</c>,
/// <c>tls.key</c>, <c>ca.crt</c>) and goes to the next hop with retries, a timeout and circuit breaking;
/// every <c>Upstreams</c> entry gets a local egress listener the app calls instead of the remote
/// service (its URL in <c>SIDECARGEN_UPSTREAM_&lt;NAME&gt;</c>). Envoy generates <c>x-request-id</c> and
/// passes <c>traceparent</c> through unchanged, so traces stay connected across the hop.
/// </summary>
internal sealed class ServiceMeshSidecar : SidecarKind<ServiceMeshSidecarAttribute, ServiceMeshOptions>
{
    /// <summary>Envoy proxy.</summary>
    public const string Image = "envoyproxy/envoy:v1.31.2";

    public const int StatsPort = 15090;
    public const int FirstEgressPort = 15100;

    public override int TrafficRank => 3;

    public override IEnumerable<string> DefaultImages => new[] { Image };

    protected override ServiceMeshOptions ReadOptions(ServiceMeshSidecarAttribute attribute) => ServiceMeshOptions.Read(attribute);

    protected override string? DefaultImage(ServiceMeshOptions options) => Image;

    protected override IEnumerable<(string Property, int Port)> Ports(ServiceMeshOptions options) => new[]
    {
        (nameof(ServiceMeshSidecarAttribute.InboundPort), options.InboundPort),
        (nameof(ServiceMeshSidecarAttribute.AdminPort), options.AdminPort),
    };

    protected override void Check(ServiceMeshOptions options, AttributeFindings findings)
    {
        SidecarChecks.SecretName(findings, nameof(ServiceMeshSidecarAttribute.TlsSecretName), options.TlsSecretName);
        CertificateIssuers.Check(findings, nameof(ServiceMeshSidecarAttribute.CertificateIssuer), options.CertificateIssuer, options.Issuer);
        if (options.Issuer is not null && !options.Mtls)
        {
            findings.Report(
                RuleIds.AddOnWithoutEffect,
                nameof(ServiceMeshSidecarAttribute.CertificateIssuer),
                $"{nameof(ServiceMeshSidecarAttribute.CertificateIssuer)} has no effect with {nameof(ServiceMeshSidecarAttribute.Mtls)} = false: the mesh proxy mounts no certificate, so no Certificate is written");
        }
        for (var i = 0; i < options.Upstreams.Count; i++)
        {
            if (options.Upstreams[i].Upstream is null)
            {
                findings.Report(RuleIds.CannotRender, nameof(ServiceMeshSidecarAttribute.Upstreams), $"Upstream '{options.Upstreams[i].Text}' is not name=host:port (a DNS label, a host name, a port)", i);
            }
        }

        NotNegative(findings, nameof(ServiceMeshSidecarAttribute.MaxConnections), options.MaxConnections);
        NotNegative(findings, nameof(ServiceMeshSidecarAttribute.MaxPendingRequests), options.MaxPendingRequests);
        NotNegative(findings, nameof(ServiceMeshSidecarAttribute.Retries), options.Retries);
        if (options.TimeoutSeconds <= 0)
        {
            findings.Report(RuleIds.CannotRender, nameof(ServiceMeshSidecarAttribute.TimeoutSeconds), $"{nameof(ServiceMeshSidecarAttribute.TimeoutSeconds)} must be positive");
        }
    }

    protected override SidecarSpec Plan(ServiceMeshOptions options, SidecarContext context)
    {
        var name = options.Common.Name;
        var secretName = options.TlsSecretName is { Length: > 0 } secret ? secret : context.ServiceName + "-mesh-tls";
        var certificates = new[] { "tls.crt", "tls.key", "ca.crt" }.Select(key => new SecretFileSpec(new SecretKeySpec(secretName, key))).ToArray();
        var egress = options.Upstreams
            .Select(entry => entry.Upstream)
            .OfType<MeshUpstream>()
            .Select((upstream, index) => (upstream, FirstEgressPort + index))
            .ToList();

        var settings = new MeshSettings(
            options.InboundPort,
            StatsPort,
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
            egress);

        var stats = new PortSpec("mesh-stats", StatsPort);
        var ports = new List<PortSpec>
        {
            new("mesh-inbound", options.InboundPort),
            stats,
            new("mesh-admin", options.AdminPort),
        };
        ports.AddRange(egress.Select((e, index) => new PortSpec("mesh-egress-" + index.ToString(CultureInfo.InvariantCulture), e.Item2)));

        var container = CommonSettings.Container(
            options.Common,
            CommonSettings.Image(options.Common, Image),
            new[] { "envoy" },
            new[] { "--config-path", SidecarSpec.ConfigMount(name) + "/" + EnvoyConfig.FileName, "--log-level", "warn" },
            ports,
            System.Array.Empty<EnvVarSpec>(),
            new[] { CommonSettings.ConfigMount(name), new MountSpec(name + "-tmp", "/tmp", ReadOnly: false) },
            ProbeSpec.Http(stats.Name, "/ready"),
            options.Mtls ? certificates : null);

        return new SidecarSpec(
            container,
            EquatableArray.Of(new ConfigFileSpec(EnvoyConfig.FileName, new EnvoyConfig(settings).Render())),
            EquatableArray<SharedVolumeSpec>.Empty,
            egress.Select(e => EnvVarSpec.Literal(
                Naming.EnvironmentName("SIDECARGEN_UPSTREAM_" + e.upstream.Name),
                "http://127.0.0.1:" + e.Item2.ToString(CultureInfo.InvariantCulture))).ToEquatableArray(),
            EquatableArray<KeyValue>.Empty,
            InboundPort: options.InboundPort,
            InboundTls: options.Mtls,
            Metrics: new MetricsEndpoint(stats.Name, stats.Port, "/stats/prometheus"),
            Certificate: options.Mtls ? CertificateIssuers.For(options.Issuer, certificates[0], clientAuth: true) : null);
    }

    private static void NotNegative(AttributeFindings findings, string property, int value)
    {
        if (value < 0)
        {
            findings.Report(RuleIds.CannotRender, property, $"{property} must be 0 or more");
        }
    }
}
