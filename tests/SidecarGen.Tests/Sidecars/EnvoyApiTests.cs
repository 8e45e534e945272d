using System.Text.Json.Nodes;
using k8s.Models;
using SidecarGen.Tests.Generator;
using SidecarGen.Tests.Infrastructure;
using SidecarGen.Tests.Systems;

namespace SidecarGen.Tests.Sidecars;

/// <summary>
/// Every Envoy bootstrap SidecarGen's mesh sidecar can write, in Compose and in its Kubernetes ConfigMap, walked
/// from <c>envoy.config.bootstrap.v3.Bootstrap</c> down against the fields of Envoy 1.31's messages (Schemas/envoy,
/// copied from the protos at envoyproxy/data-plane-api f8b75d1): listeners, the HTTP connection manager and router,
/// routes and their retry policy, clusters with circuit breakers and the retry budget, outlier detection, the
/// upstream HTTP/2 options and the TLS contexts.
/// </summary>
public sealed class EnvoyApiTests
{
    /// <summary>The renderer's variants: mutual TLS with upstreams, plain with and without upstreams, and an HTTP/2 app behind Envoy alone and behind nginx (TLS to it, ALPN).</summary>
    public static readonly IReadOnlyDictionary<string, string> Services = new Dictionary<string, string>
    {
        ["mtls-upstreams"] = SidecarDeclarations.Service(SidecarDeclarations.Each["service-mesh"]),
        ["plain"] = SidecarDeclarations.Service("ServiceMeshSidecar(Mtls = false)"),
        ["plain-upstreams"] = SidecarDeclarations.Service("ServiceMeshSidecar(Mtls = false, Upstreams = new[] { \"ledger=ledger:8080\" })"),
        ["grpc"] = ProtocolTests.Greeter("Grpc", "ServiceMeshSidecar"),
        ["grpc-behind-nginx"] = ProtocolTests.Greeter("Grpc", "TlsTerminationSidecar", "ServiceMeshSidecar"),
    };

    public static TheoryData<string> Cases => new(Services.Keys);

    /// <summary>
    /// Each field the walk looked up is needed: removed from a copy of the messages, the same walk fails. So every
    /// key was checked, and a field Envoy 1.31 lacks would be caught.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_field_is_one_envoy_1_31_defines(string name)
    {
        var bootstraps = Bootstraps(GeneratorHarness.Run(Services[name])).ToList();

        Assert.Equal(2, bootstraps.Count);
        foreach (var bootstrap in bootstraps)
        {
            var walk = EnvoySchema.Walk(bootstrap);

            Assert.Empty(walk.Errors);
            walk.AssertEachEntryIsNeeded(EnvoySchema.Messages(), messages => EnvoySchema.Walk(messages, EnvoySchema.Bootstrap, bootstrap));
        }
    }

    /// <summary>A system's bootstraps too, where a called service admits inbound only its callers' names.</summary>
    [Fact]
    public void Every_field_of_a_systems_bootstraps_is_one_envoy_1_31_defines()
    {
        var bootstraps = Bootstraps(SystemHarness.Run(MeshIdentityTests.Services, MeshIdentityTests.Properties)).ToList();

        Assert.Equal(2 * MeshIdentityTests.Services.Length, bootstraps.Count);
        Assert.All(bootstraps, bootstrap => Assert.Empty(EnvoySchema.Walk(bootstrap).Errors));
        Assert.Contains(bootstraps, bootstrap => EnvoySchema.Walk(bootstrap).Used.Contains(
            "envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext/match_typed_subject_alt_names"));
    }

    /// <summary>The cases together reach every message the renderer writes, so none is left unwalked.</summary>
    [Fact]
    public void The_cases_reach_every_message_the_renderer_writes()
    {
        var used = Services.Values
            .SelectMany(source => Bootstraps(GeneratorHarness.Run(source)))
            .SelectMany(bootstrap => EnvoySchema.Walk(bootstrap).Used)
            .Select(entry => entry.Split('/')[0])
            .ToHashSet();

        Assert.Superset(
            new HashSet<string>
            {
                "envoy.config.cluster.v3.CircuitBreakers.Thresholds.RetryBudget",
                "envoy.config.cluster.v3.OutlierDetection",
                "envoy.config.route.v3.RetryPolicy",
                "envoy.extensions.upstreams.http.v3.HttpProtocolOptions.ExplicitHttpConfig",
                "envoy.extensions.filters.http.router.v3.Router",
                "envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext",
                "envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext",
                "envoy.extensions.transport_sockets.tls.v3.SubjectAltNameMatcher",
            },
            used);
    }

    [Fact]
    public void The_walk_catches_a_misspelt_field_an_unknown_type_and_an_enum_value_envoy_lacks()
    {
        var bootstrap = Bootstraps(GeneratorHarness.Run(Services["plain-upstreams"])).First();
        var cluster = bootstrap["static_resources"]!["clusters"]![0]!;
        cluster["circuit_breakers"]!["thresholds"]![0]!["retry_budgets"] = new JsonObject();
        cluster["type"] = "STRICT";
        bootstrap["static_resources"]!["listeners"]![0]!["filter_chains"]![0]!["filters"]![0]!["typed_config"]!["@type"] = "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManagr";

        Assert.Equal(3, EnvoySchema.Walk(bootstrap).Errors.Count);
    }

    /// <summary>Every Envoy bootstrap of <paramref name="output"/>: each Compose config file and each mesh ConfigMap's.</summary>
    private static IEnumerable<JsonNode> Bootstraps(GeneratedOutput output) =>
        output.Files
            .Where(file => file.Key.StartsWith("compose/config/", StringComparison.Ordinal) && file.Key.EndsWith("/envoy.yaml", StringComparison.Ordinal))
            .Select(file => file.Value)
            .Concat(output.Files
                .Where(file => file.Key.EndsWith("/configmap-service-mesh.yaml", StringComparison.Ordinal))
                .Select(file => KubernetesObjects.Load<V1ConfigMap>(file.Value).Data["envoy.yaml"]))
            .Select(YamlJson.Parse);
}
