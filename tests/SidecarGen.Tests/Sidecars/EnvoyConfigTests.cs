using System.Text.Json.Nodes;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Sidecars;

/// <summary>
/// Envoy cannot run here, so its bootstrap is checked field by field against the v3 API
/// (envoy.config.bootstrap.v3.Bootstrap): every typed_config names a real type, every route names a
/// cluster that exists, every listener and cluster has the fields Envoy requires.
/// </summary>
public sealed class EnvoyConfigTests
{
    private static readonly JsonNode Envoy = YamlJson.Parse(
        GeneratorHarness.Run(SidecarDeclarations.Service(SidecarDeclarations.Each["service-mesh"]))["compose/config/payment-service-service-mesh/envoy.yaml"]);

    private static JsonArray Listeners => Envoy["static_resources"]!["listeners"]!.AsArray();

    private static JsonArray Clusters => Envoy["static_resources"]!["clusters"]!.AsArray();

    private static JsonNode Listener(string name) => Listeners.Single(l => (string?)l!["name"] == name)!;

    private static JsonNode Cluster(string name) => Clusters.Single(c => (string?)c!["name"] == name)!;

    private static JsonNode Manager(JsonNode listener) => listener["filter_chains"]![0]!["filters"]![0]!["typed_config"]!;

    [Fact]
    public void Only_bootstrap_fields_at_the_top_and_admin_on_loopback()
    {
        Assert.Equal(new[] { "admin", "static_resources" }, Envoy.AsObject().Select(p => p.Key));
        Assert.Equal("127.0.0.1", (string?)Envoy["admin"]!["address"]!["socket_address"]!["address"]);
        Assert.Equal(9901, (long)Envoy["admin"]!["address"]!["socket_address"]!["port_value"]!);
    }

    [Fact]
    public void Every_listener_is_an_http_connection_manager_with_a_router_and_routes_to_existing_clusters()
    {
        Assert.Equal(new[] { "inbound", "stats", "egress-ledger", "egress-fx" }, Listeners.Select(l => (string?)l!["name"]));
        var clusters = Clusters.Select(c => (string?)c!["name"]).ToHashSet();
        foreach (var listener in Listeners)
        {
            var filter = listener!["filter_chains"]![0]!["filters"]![0]!;
            Assert.Equal("envoy.filters.network.http_connection_manager", (string?)filter["name"]);
            var manager = filter["typed_config"]!;
            Assert.Equal("type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager", (string?)manager["@type"]);
            Assert.False(string.IsNullOrEmpty((string?)manager["stat_prefix"]));
            Assert.True((bool)manager["generate_request_id"]!);
            var router = manager["http_filters"]!.AsArray().Last()!;
            Assert.Equal("type.googleapis.com/envoy.extensions.filters.http.router.v3.Router", (string?)router["typed_config"]!["@type"]);
            foreach (var route in manager["route_config"]!["virtual_hosts"]![0]!["routes"]!.AsArray())
            {
                Assert.Contains((string?)route!["route"]!["cluster"], clusters);
                Assert.True(route["match"]!["prefix"] is not null ^ route["match"]!["path"] is not null);
            }
        }
    }

    [Fact]
    public void Inbound_requires_client_certificates_from_the_mesh_secret()
    {
        var tls = Listener("inbound")["filter_chains"]![0]!["transport_socket"]!["typed_config"]!;
        Assert.Equal("type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext", (string?)tls["@type"]);
        Assert.True((bool)tls["require_client_certificate"]!);
        var context = tls["common_tls_context"]!;
        Assert.Equal("/run/secrets/payment-service-mesh-tls/tls.crt", (string?)context["tls_certificates"]![0]!["certificate_chain"]!["filename"]);
        Assert.Equal("/run/secrets/payment-service-mesh-tls/tls.key", (string?)context["tls_certificates"]![0]!["private_key"]!["filename"]);
        Assert.Equal("/run/secrets/payment-service-mesh-tls/ca.crt", (string?)context["validation_context"]!["trusted_ca"]!["filename"]);
    }

    [Fact]
    public void Built_alone_the_inbound_admits_any_certificate_of_the_mesh_ca_as_no_caller_is_known()
    {
        var validation = Listener("inbound")["filter_chains"]![0]!["transport_socket"]!["typed_config"]!["common_tls_context"]!["validation_context"]!;

        Assert.Equal(new[] { "trusted_ca" }, validation.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Every_tls_context_uses_only_fields_of_the_envoy_v3_api()
    {
        var sockets = Listeners.Select(l => l!["filter_chains"]![0]!["transport_socket"]).Concat(Clusters.Select(c => c!["transport_socket"])).OfType<JsonNode>().ToList();

        Assert.Equal(3, sockets.Count);
        Assert.All(sockets, socket => Assert.Empty(EnvoySchema.Errors(socket["typed_config"]!)));
    }

    [Theory]
    [InlineData("ledger", "ledger.finance.svc.cluster.local")]
    [InlineData("fx", "fx.example.com")]
    public void An_upstream_must_present_a_certificate_of_the_mesh_ca_naming_the_host_we_called(string upstream, string host)
    {
        var tls = Cluster("upstream-" + upstream)["transport_socket"]!["typed_config"]!;
        Assert.Equal("type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext", (string?)tls["@type"]);
        Assert.Equal(host, (string?)tls["sni"]);
        var validation = tls["common_tls_context"]!["validation_context"]!;
        Assert.Equal("/run/secrets/payment-service-mesh-tls/ca.crt", (string?)validation["trusted_ca"]!["filename"]);
        var san = validation["match_typed_subject_alt_names"]!.AsArray().Single()!;
        Assert.Equal("DNS", (string?)san["san_type"]);
        Assert.Equal(host, (string?)san["matcher"]!["exact"]);
    }

    [Fact]
    public void Inbound_admits_any_caller_of_the_mesh_ca_since_a_service_does_not_know_its_callers() =>
        Assert.Null(Listener("inbound")["filter_chains"]![0]!["transport_socket"]!["typed_config"]!["common_tls_context"]!["validation_context"]!["match_typed_subject_alt_names"]);

    [Fact]
    public void Without_mtls_the_inbound_listener_is_plain_and_no_certificate_is_mounted()
    {
        var output = GeneratorHarness.Run(SidecarDeclarations.Service("ServiceMeshSidecar(Mtls = false)"));
        var envoy = YamlJson.Parse(output["compose/config/payment-service-service-mesh/envoy.yaml"]);
        Assert.Null(envoy["static_resources"]!["listeners"]![0]!["filter_chains"]![0]!["transport_socket"]);
        var mesh = KubernetesObjects.Deployment(output).Spec.Template.Spec.NativeSidecars().Single();
        Assert.DoesNotContain(mesh.VolumeMounts, m => m.MountPath.StartsWith("/run/secrets", StringComparison.Ordinal));
    }

    [Fact]
    public void Retries_timeouts_and_circuit_breaking_come_from_the_attribute()
    {
        var output = GeneratorHarness.Run(SidecarDeclarations.Service("ServiceMeshSidecar(Retries = 5, TimeoutSeconds = 30, MaxConnections = 200, MaxPendingRequests = 50, Upstreams = new[] { \"ledger=ledger:8080\" })"));
        var envoy = YamlJson.Parse(output["compose/config/payment-service-service-mesh/envoy.yaml"]);
        var route = envoy["static_resources"]!["listeners"]![0]!["filter_chains"]![0]!["filters"]![0]!["typed_config"]!["route_config"]!["virtual_hosts"]![0]!["routes"]![0]!["route"]!;
        Assert.Equal("30s", (string?)route["timeout"]);
        Assert.Equal(5, (long)route["retry_policy"]!["num_retries"]!);
        // Only failures before the request reached the app: reset-before-request (Envoy 1.31+), not reset, which
        // also repeats a request the app received before the connection broke.
        Assert.Equal("connect-failure,refused-stream,reset-before-request,unavailable", (string?)route["retry_policy"]!["retry_on"]);
        foreach (var cluster in envoy["static_resources"]!["clusters"]!.AsArray())
        {
            var thresholds = cluster!["circuit_breakers"]!["thresholds"]![0]!;
            Assert.Equal(200, (long)thresholds["max_connections"]!);
            Assert.Equal(50, (long)thresholds["max_pending_requests"]!);
            Assert.Equal("1s", (string?)cluster["connect_timeout"]);

            // max_retries caps the retries in flight to the whole cluster, every request's together, not a request's
            // own (circuit_breaker.proto): equal to Retries, under load nearly every retry would be refused. A budget
            // grows with the load (20 % of the requests in flight, at least 3), and overrides max_retries.
            Assert.Null(thresholds["max_retries"]);
            Assert.Equal(20, (long)thresholds["retry_budget"]!["budget_percent"]!["value"]!);
            Assert.Equal(3, (long)thresholds["retry_budget"]!["min_retry_concurrency"]!);
        }

        var upstream = envoy["static_resources"]!["clusters"]!.AsArray().Single(c => (string?)c!["name"] == "upstream-ledger")!;
        Assert.Equal("STRICT_DNS", (string?)upstream["type"]);
        Assert.Equal(5, (long)upstream["outlier_detection"]!["consecutive_5xx"]!);
        Assert.Equal("ledger", (string?)upstream["transport_socket"]!["typed_config"]!["sni"]);
    }

    [Fact]
    public void Egress_listeners_stay_on_loopback_and_the_stats_listener_serves_ready_and_prometheus()
    {
        Assert.Equal("127.0.0.1", (string?)Listener("egress-ledger")["address"]!["socket_address"]!["address"]);
        Assert.Equal(15100, (long)Listener("egress-ledger")["address"]!["socket_address"]!["port_value"]!);
        var statsRoutes = Manager(Listener("stats"))["route_config"]!["virtual_hosts"]![0]!["routes"]!.AsArray();
        Assert.Equal(new[] { "/stats/prometheus", "/ready" }, statsRoutes.Select(r => (string?)(r!["match"]!["prefix"] ?? r["match"]!["path"])));
        Assert.Equal(9901, (long)Cluster("admin")["load_assignment"]!["endpoints"]![0]!["lb_endpoints"]![0]!["endpoint"]!["address"]!["socket_address"]!["port_value"]!);
    }
}
