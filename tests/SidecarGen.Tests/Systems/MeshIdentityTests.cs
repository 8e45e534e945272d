using System.Text.Json.Nodes;
using k8s.Models;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Systems;

/// <summary>
/// In a system, our Envoy admits inbound exactly the certificates of its declared callers: for every
/// caller × callee, the callee's inbound TLS context accepts the certificate cert-manager issues for the
/// caller (its DNS names) if and only if the caller declares the call, or nobody calls the callee at all
/// (the system's entry, open like its NetworkPolicy). Envoy's semantics: with
/// <c>match_typed_subject_alt_names</c> set, at least one matcher must match a SAN of the certificate.
/// </summary>
public sealed class MeshIdentityTests
{
    private static string Mesh(params string[] upstreams) =>
        "ServiceMeshSidecar(CertificateIssuer = \"Issuer/mesh-ca\"" + (upstreams.Length == 0 ? string.Empty : ", Upstreams = new[] { " + string.Join(", ", upstreams.Select(u => "\"" + u + "\"")) + " }") + ")";

    internal static readonly SystemHarness.Service[] Services =
    {
        Shop.Of("Gateway", "SidecarService(\"gateway\")", Mesh("catalog", "orders")),
        Shop.Of("Catalog", "SidecarService(\"catalog\")", Mesh()),
        Shop.Of("Orders", "SidecarService(\"orders\")", Mesh("catalog", "ledger")),
        Shop.Of("Ledger", "SidecarService(\"ledger\")", Mesh()),
        Shop.Of("Reports", "SidecarService(\"reports\")", Mesh("ledger")),
    };

    internal static readonly Dictionary<string, string> Properties = new() { ["SidecarGenNamespace"] = "shop" };

    private static readonly Lazy<GeneratedOutput> Output = new(() => SystemHarness.Run(Services, Properties));

    public static TheoryData<string, string, bool> Table() => CallTable.Admitted();

    [Theory]
    [MemberData(nameof(Table))]
    public void The_callee_admits_the_callers_certificate_exactly_when_the_call_is_declared(string caller, string callee, bool admitted)
    {
        var certificate = CertificateNames(caller);

        Assert.Equal(admitted, Admits(Inbound(KubernetesEnvoy(callee)), certificate));
        Assert.Equal(admitted, Admits(Inbound(ComposeEnvoy(callee)), certificate));
    }

    [Theory]
    [InlineData("catalog", new[] { "gateway", "orders" })]
    [InlineData("orders", new[] { "gateway" })]
    [InlineData("ledger", new[] { "orders", "reports" })]
    public void A_called_service_lists_exactly_its_callers_as_dns_names(string callee, string[] callers)
    {
        foreach (var envoy in new[] { KubernetesEnvoy(callee), ComposeEnvoy(callee) })
        {
            var tls = Inbound(envoy);
            Assert.True((bool)tls["require_client_certificate"]!);
            Assert.Equal("/run/secrets/" + callee + "-mesh-tls/ca.crt", (string?)tls["common_tls_context"]!["validation_context"]!["trusted_ca"]!["filename"]);
            var matchers = tls["common_tls_context"]!["validation_context"]!["match_typed_subject_alt_names"]!.AsArray();
            Assert.All(matchers, matcher => Assert.Equal("DNS", (string?)matcher!["san_type"]));
            Assert.Equal(callers, matchers.Select(matcher => (string?)matcher!["matcher"]!["exact"]));
        }
    }

    [Theory]
    [InlineData("gateway")]
    [InlineData("reports")]
    public void A_service_nobody_calls_admits_any_certificate_of_the_mesh_ca(string service)
    {
        var validation = Inbound(KubernetesEnvoy(service))["common_tls_context"]!["validation_context"]!;

        Assert.NotNull(validation["trusted_ca"]);
        Assert.Null(validation["match_typed_subject_alt_names"]);
    }

    [Theory]
    [InlineData("gateway", "orders")]
    [InlineData("orders", "ledger")]
    [InlineData("reports", "ledger")]
    public void The_name_a_caller_checks_towards_its_upstream_is_in_the_upstreams_certificate(string caller, string callee)
    {
        var tls = KubernetesEnvoy(caller)["static_resources"]!["clusters"]!.AsArray().Single(c => (string?)c!["name"] == "upstream-" + callee)!["transport_socket"]!["typed_config"]!;
        var expected = (string?)tls["common_tls_context"]!["validation_context"]!["match_typed_subject_alt_names"]![0]!["matcher"]!["exact"];

        Assert.Contains(expected, CertificateNames(callee));
        Assert.Equal(expected, (string?)tls["sni"]);
    }

    [Fact]
    public void Every_tls_context_uses_only_fields_of_the_envoy_v3_api()
    {
        foreach (var service in new[] { "gateway", "catalog", "orders", "ledger", "reports" })
        {
            foreach (var envoy in new[] { KubernetesEnvoy(service), ComposeEnvoy(service) })
            {
                foreach (var socket in TransportSockets(envoy))
                {
                    Assert.Equal("envoy.transport_sockets.tls", (string?)socket["name"]);
                    Assert.Empty(EnvoySchema.Errors(socket["typed_config"]!));
                }
            }
        }
    }

    [Fact]
    public void The_schema_walk_catches_a_misspelt_field_and_an_unknown_san_type()
    {
        var tls = Inbound(KubernetesEnvoy("ledger")).DeepClone();
        tls["common_tls_context"]!["validation_context"]!["match_typed_subject_alt_names"]![0]!["san_type"] = "DNS_NAME";
        tls["common_tls_context"]!["validation_context"]!["match_subject_alt_name"] = new JsonArray();

        Assert.Equal(2, EnvoySchema.Errors(tls).Count);
    }

    [Fact]
    public void The_system_snapshot() => Snapshots.Match("system-mesh-identity", Output.Value.Files);

    /// <summary>Envoy's check: a certificate of the trusted CA passes when no SAN matcher is set, else when one matches one of its DNS names.</summary>
    private static bool Admits(JsonNode tls, IReadOnlyCollection<string> dnsNames) =>
        tls["common_tls_context"]!["validation_context"]!["match_typed_subject_alt_names"] is not JsonArray matchers
        || matchers.Any(matcher => (string?)matcher!["san_type"] == "DNS" && dnsNames.Contains((string?)matcher["matcher"]!["exact"]));

    private static IReadOnlyCollection<string> CertificateNames(string service)
    {
        var certificate = YamlJson.Parse(Output.Value[$"kubernetes/{service}/certificate-{service}-mesh-tls.yaml"]);
        Assert.Contains("client auth", certificate["spec"]!["usages"]!.AsArray().Select(u => (string?)u));
        return certificate["spec"]!["dnsNames"]!.AsArray().Select(n => (string)n!).ToList();
    }

    private static JsonNode KubernetesEnvoy(string service) =>
        YamlJson.Parse(KubernetesObjects.Load<V1ConfigMap>(Output.Value[$"kubernetes/{service}/configmap-service-mesh.yaml"]).Data["envoy.yaml"]);

    private static JsonNode ComposeEnvoy(string service) =>
        YamlJson.Parse(Output.Value[$"compose/config/{service}-service-mesh/envoy.yaml"]);

    private static JsonNode Inbound(JsonNode envoy) =>
        envoy["static_resources"]!["listeners"]!.AsArray().Single(l => (string?)l!["name"] == "inbound")!["filter_chains"]![0]!["transport_socket"]!["typed_config"]!;

    private static IEnumerable<JsonNode> TransportSockets(JsonNode envoy) =>
        envoy["static_resources"]!["listeners"]!.AsArray().SelectMany(l => l!["filter_chains"]!.AsArray().Select(c => c!["transport_socket"]))
            .Concat(envoy["static_resources"]!["clusters"]!.AsArray().Select(c => c!["transport_socket"]))
            .OfType<JsonNode>();
}
