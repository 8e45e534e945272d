using System.Text.Json.Nodes;
using k8s.Models;
using SidecarGen.Tests.Generator;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Systems;

/// <summary>
/// Our Envoy's egress to a service of the system speaks what that service speaks: orders calls a gRPC ledger
/// and an HTTP/1.1 catalog through its egress listeners, and only the ledger's cluster gets HTTP/2 (the same
/// <c>HttpProtocolOptions</c> as the inbound cluster to an HTTP/2 app; under mutual TLS also ALPN <c>h2</c>).
/// The app's calls reach the egress listener as HTTP/2 with prior knowledge, which its connection manager takes
/// because it leaves <c>codec_type</c> at AUTO. A <c>host:port</c> upstream and a service built alone know
/// nothing of the callee, so they stay HTTP/1.1. Every bootstrap is walked against Envoy 1.31's messages.
/// </summary>
public sealed class MeshEgressProtocolTests
{
    private const string ProtocolOptions = "envoy.extensions.upstreams.http.v3.HttpProtocolOptions";

    private static readonly SystemHarness.Service Catalog = Shop.Of("Catalog", "SidecarService(\"catalog\")");

    private static readonly SystemHarness.Service Ledger = Shop.Of("Ledger", "SidecarService(\"ledger\", Protocol = ServiceProtocol.Grpc)");

    private static SystemHarness.Service Orders(string mesh) => Shop.Of("Orders", "SidecarService(\"orders\", Calls = new[] { \"catalog\", \"ledger\" })", mesh);

    /// <summary>Plain HTTP between the Pods: orders' mesh alone, its callees bare apps.</summary>
    private static readonly Lazy<GeneratedOutput> Plain = new(() => SystemHarness.Run(
        new[] { Orders("ServiceMeshSidecar(Mtls = false, Upstreams = new[] { \"catalog\", \"ledger\" })"), Catalog, Ledger }));

    /// <summary>Mutual TLS: every service has our Envoy, so each callee's entry speaks TLS (SCG0019 stays silent).</summary>
    private static readonly Lazy<GeneratedOutput> Mutual = new(() => SystemHarness.Run(
        new[]
        {
            Orders("ServiceMeshSidecar(CertificateIssuer = \"Issuer/mesh-ca\", Upstreams = new[] { \"catalog\", \"ledger\" })"),
            Shop.Of("Catalog", "SidecarService(\"catalog\")", "ServiceMeshSidecar(CertificateIssuer = \"Issuer/mesh-ca\")"),
            Shop.Of("Ledger", "SidecarService(\"ledger\", Protocol = ServiceProtocol.Grpc)", "ServiceMeshSidecar(CertificateIssuer = \"Issuer/mesh-ca\")"),
        },
        new Dictionary<string, string> { ["SidecarGenNamespace"] = "shop" }));

    /// <summary>The same system, orders naming the ledger by <c>host:port</c>: the build does not know what answers there.</summary>
    private static readonly Lazy<GeneratedOutput> HostPort = new(() => SystemHarness.Run(
        new[] { Orders("ServiceMeshSidecar(Mtls = false, Upstreams = new[] { \"catalog\", \"ledger=ledger:80\" })"), Catalog, Ledger }));

    public static TheoryData<string> Outputs => new() { "plain", "mutual" };

    private static GeneratedOutput Output(string name) => name == "plain" ? Plain.Value : Mutual.Value;

    [Theory]
    [MemberData(nameof(Outputs))]
    public void The_egress_cluster_to_the_grpc_ledger_speaks_http2_and_the_one_to_the_http_catalog_does_not(string name)
    {
        foreach (var envoy in Envoys(Output(name), "orders"))
        {
            Assert.Empty(EnvoySchema.Walk(envoy).Errors);

            var ledger = Cluster(envoy, "upstream-ledger");
            var options = ledger["typed_extension_protocol_options"]![ProtocolOptions]!;
            Assert.Equal("type.googleapis.com/" + ProtocolOptions, (string?)options["@type"]);
            Assert.NotNull(options["explicit_http_config"]!["http2_protocol_options"]);

            var catalog = Cluster(envoy, "upstream-catalog");
            Assert.Null(catalog["typed_extension_protocol_options"]);
        }
    }

    [Fact]
    public void Under_mutual_tls_only_the_ledgers_egress_offers_h2_by_alpn_as_the_ledgers_inbound_listener_does()
    {
        foreach (var envoy in Envoys(Mutual.Value, "orders"))
        {
            Assert.Equal(new[] { "h2" }, Alpn(Cluster(envoy, "upstream-ledger")["transport_socket"]!["typed_config"]!));
            Assert.Null(Cluster(envoy, "upstream-catalog")["transport_socket"]!["typed_config"]!["common_tls_context"]!["alpn_protocols"]);
        }

        foreach (var envoy in Envoys(Mutual.Value, "ledger"))
        {
            var inbound = Listener(envoy, "inbound")["filter_chains"]![0]!["transport_socket"]!["typed_config"]!;
            Assert.Contains("h2", Alpn(inbound));
        }
    }

    /// <summary>
    /// The app calls its egress listener with HTTP/2 prior knowledge (a gRPC client at an http:// address); the
    /// listener's connection manager sets no <c>codec_type</c>, so it is the enum's default: the first value the
    /// copied protos list, AUTO (0), which infers HTTP/2 from the connection preface on a plaintext listener
    /// (http_connection_manager.proto, <c>CodecType</c>).
    /// </summary>
    [Theory]
    [MemberData(nameof(Outputs))]
    public void The_egress_listener_accepts_http2_from_the_app(string name)
    {
        var codecs = EnvoySchema.Messages()["envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager"]!["codec_type"]!.AsArray();
        Assert.Equal("AUTO", (string?)codecs[0]);

        foreach (var envoy in Envoys(Output(name), "orders"))
        {
            var manager = Listener(envoy, "egress-ledger")["filter_chains"]![0]!["filters"]![0]!["typed_config"]!;
            Assert.Equal("type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager", (string?)manager["@type"]);
            Assert.True(manager["codec_type"] is null || (string?)manager["codec_type"] == "AUTO");
        }
    }

    [Fact]
    public void A_host_port_upstream_stays_http1_though_a_grpc_service_answers_there()
    {
        foreach (var envoy in Envoys(HostPort.Value, "orders"))
        {
            Assert.Equal("ledger", (string?)Cluster(envoy, "upstream-ledger")["load_assignment"]!["endpoints"]![0]!["lb_endpoints"]![0]!["endpoint"]!["address"]!["socket_address"]!["address"]);
            Assert.Null(Cluster(envoy, "upstream-ledger")["typed_extension_protocol_options"]);
        }
    }

    [Fact]
    public void Built_alone_orders_knows_nothing_of_the_ledgers_protocol()
    {
        var output = GeneratorHarness.Run(Orders("ServiceMeshSidecar(Mtls = false, Upstreams = new[] { \"catalog\", \"ledger\" })").Source);
        var envoy = YamlJson.Parse(output["compose/config/orders-service-mesh/envoy.yaml"]);

        Assert.Empty(EnvoySchema.Walk(envoy).Errors);
        Assert.Null(Cluster(envoy, "upstream-ledger")["typed_extension_protocol_options"]);
    }

    private static IEnumerable<JsonNode> Envoys(GeneratedOutput output, string service) => new[]
    {
        YamlJson.Parse(KubernetesObjects.Load<V1ConfigMap>(output[$"kubernetes/{service}/configmap-service-mesh.yaml"]).Data["envoy.yaml"]),
        YamlJson.Parse(output[$"compose/config/{service}-service-mesh/envoy.yaml"]),
    };

    private static JsonNode Cluster(JsonNode envoy, string name) =>
        envoy["static_resources"]!["clusters"]!.AsArray().Single(c => (string?)c!["name"] == name)!;

    private static JsonNode Listener(JsonNode envoy, string name) =>
        envoy["static_resources"]!["listeners"]!.AsArray().Single(l => (string?)l!["name"] == name)!;

    private static IEnumerable<string?> Alpn(JsonNode tls) =>
        tls["common_tls_context"]!["alpn_protocols"]!.AsArray().Select(p => (string?)p);
}
