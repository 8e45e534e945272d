using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SidecarGen.Model;
using SidecarGen.Planning;
using SidecarGen.Sidecars.Mesh;

namespace SidecarGen.Sidecars;

/// <summary>
/// <c>[ServiceMeshSidecar]</c>: Envoy as the Pod's outermost hop. Inbound traffic arrives on
/// <c>InboundPort</c> (mutual TLS by default, certificates from <c>TlsSecretName</c>: <c>tls.crt</c>,
/// <c>tls.key</c>, <c>ca.crt</c>) and goes to the next hop with retries, a timeout and circuit breaking;
/// every <c>Upstreams</c> entry gets a local egress listener the app calls instead of the remote
/// service (its URL in <c>SIDECARGEN_UPSTREAM_&lt;NAME&gt;</c>). Envoy generates <c>x-request-id</c> and
/// passes <c>traceparent</c> through unchanged, so traces stay connected across the hop.
/// </summary>
internal static class ServiceMeshSidecar
{
    public const string DefaultName = "service-mesh";
    public const int DefaultInboundPort = 15001;
    public const int DefaultAdminPort = 9901;
    public const int StatsPort = 15090;
    public const int FirstEgressPort = 15100;

    public static SidecarSpec Build(SidecarDeclaration sidecar, SidecarContext context)
    {
        var arguments = sidecar.Arguments;
        var name = CommonSettings.Name(sidecar, DefaultName);
        var inboundPort = arguments.GetInt("InboundPort") ?? DefaultInboundPort;
        var adminPort = arguments.GetInt("AdminPort") ?? DefaultAdminPort;
        var mtls = arguments.GetBool("Mtls") ?? true;
        var secretName = arguments.GetString("TlsSecretName") is { Length: > 0 } secret ? secret : context.ServiceName + "-mesh-tls";
        var certificates = new[] { "tls.crt", "tls.key", "ca.crt" }.Select(key => new SecretFileSpec(new SecretKeySpec(secretName, key))).ToArray();
        var egress = arguments.GetStrings("Upstreams")
            .Select(MeshUpstream.Parse)
            .OfType<MeshUpstream>()
            .Select((upstream, index) => (upstream, FirstEgressPort + index))
            .ToList();

        var settings = new MeshSettings(
            inboundPort,
            StatsPort,
            adminPort,
            context.UpstreamPort,
            context.UpstreamTls,
            mtls,
            certificates[0].Path,
            certificates[1].Path,
            certificates[2].Path,
            arguments.GetInt("MaxConnections") ?? 1024,
            arguments.GetInt("MaxPendingRequests") ?? 1024,
            arguments.GetInt("Retries") ?? 3,
            arguments.GetInt("TimeoutSeconds") ?? 15,
            egress);

        var ports = new List<PortSpec>
        {
            new("mesh-inbound", inboundPort),
            new("mesh-stats", StatsPort),
            new("mesh-admin", adminPort),
        };
        ports.AddRange(egress.Select((e, index) => new PortSpec("mesh-egress-" + index.ToString(CultureInfo.InvariantCulture), e.Item2)));

        var container = CommonSettings.Container(
            sidecar,
            name,
            CommonSettings.Image(sidecar, DefaultImages.Envoy),
            new[] { "envoy" },
            new[] { "--config-path", SidecarSpec.ConfigMount(name) + "/envoy.yaml", "--log-level", "warn" },
            ports,
            System.Array.Empty<EnvVarSpec>(),
            new[] { CommonSettings.ConfigMount(name), new MountSpec(name + "-tmp", "/tmp", ReadOnly: false) },
            ProbeSpec.Http("mesh-stats", "/ready"),
            mtls ? certificates : null);

        return new SidecarSpec(
            container,
            CommonSettings.Concerns(sidecar, Concerns.TrafficManagement),
            EquatableArray.Of(new ConfigFileSpec("envoy.yaml", new EnvoyConfig(settings).Render())),
            EquatableArray<SharedVolumeSpec>.Empty,
            egress.Select(e => EnvVarSpec.Literal(
                Naming.EnvironmentName("SIDECARGEN_UPSTREAM_" + e.upstream.Name),
                "http://127.0.0.1:" + e.Item2.ToString(CultureInfo.InvariantCulture))).ToEquatableArray(),
            EquatableArray.Of(
                new KeyValue("prometheus.io/scrape", "true"),
                new KeyValue("prometheus.io/port", StatsPort.ToString(CultureInfo.InvariantCulture)),
                new KeyValue("prometheus.io/path", "/stats/prometheus")),
            InboundPort: inboundPort);
    }
}
