using System.Text.Json.Nodes;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Systems;

/// <summary>
/// The system's Compose project: valid against the Compose schema, one project of every service, every
/// reference between its objects resolving, calls reaching the callee's entry on the shared network,
/// and no two services publishing the same host port.
/// </summary>
public sealed class SystemComposeTests
{
    [Fact]
    public void Is_one_valid_compose_project_named_after_the_system()
    {
        var compose = SystemHarness.Run(Shop.All)["compose/compose.yaml"];

        ComposeSchema.AssertValid(compose);
        Assert.Equal("shop", (string?)YamlJson.Parse(compose)["name"]);
    }

    [Fact]
    public void Every_reference_resolves()
    {
        var output = SystemHarness.Run(Shop.All);
        var compose = YamlJson.Parse(output["compose/compose.yaml"]);
        var services = compose["services"]!.AsObject();
        var volumes = compose["volumes"]!.AsObject().Select(v => v.Key).ToHashSet();

        foreach (var (name, node) in services)
        {
            var service = node!.AsObject();
            foreach (var dependency in service["depends_on"]?.AsObject().Select(d => d.Key) ?? Enumerable.Empty<string>())
            {
                Assert.True(services.ContainsKey(dependency), $"{name} depends on {dependency}");
            }

            if ((string?)service["network_mode"] is { } mode && mode.StartsWith("service:", StringComparison.Ordinal))
            {
                Assert.True(services.ContainsKey(mode["service:".Length..]), $"{name}: {mode}");
            }

            foreach (var network in service["networks"]?.AsObject().Select(n => n.Key) ?? Enumerable.Empty<string>())
            {
                Assert.True(network == "default" || compose["networks"]?[network] is not null, $"{name} joins {network}");
            }

            foreach (var mount in service["volumes"]?.AsArray().Select(v => v!.AsObject()) ?? Enumerable.Empty<JsonObject>())
            {
                if ((string?)mount["type"] == "volume")
                {
                    Assert.Contains((string)mount["source"]!, volumes);
                }
                else
                {
                    Assert.True(output.Files.Keys.Any(path => path.StartsWith("compose/" + ((string)mount["source"]!)[2..] + "/", StringComparison.Ordinal)), $"{name} binds {mount["source"]}");
                }
            }

        }
    }

    [Fact]
    public void A_call_reaches_the_callees_entry_by_its_name_and_the_caller_waits_for_it()
    {
        var compose = YamlJson.Parse(SystemHarness.Run(Shop.All)["compose/compose.yaml"]);
        var services = compose["services"]!;

        // Orders' entry is its mesh sidecar's inbound port, in the network namespace its holder owns; the holder answers to "orders".
        Assert.Equal("http://orders:15001", (string?)services["storefront"]!["environment"]!["services__orders__http__0"]);
        Assert.Contains("orders", services["orders-pod"]!["networks"]!["default"]!["aliases"]!.AsArray().Select(a => (string?)a));
        Assert.Equal(15001L, (long)services["orders-pod"]!["ports"]![0]!["target"]!);
        // A caller starts once its callees answer their health checks, as a Pod's calls wait for ready endpoints.
        Assert.Equal("service_healthy", (string?)services["storefront"]!["depends_on"]!["orders"]!["condition"]);
        Assert.Equal("service_healthy", (string?)services["orders"]!["depends_on"]!["ledger"]!["condition"]);
        Assert.NotNull(services["orders"]!["healthcheck"]);
        Assert.NotNull(services["ledger"]!["healthcheck"]);
    }

    [Fact]
    public void No_two_services_publish_the_same_host_port()
    {
        var services = YamlJson.Parse(SystemHarness.Run(Shop.All)["compose/compose.yaml"])["services"]!.AsObject();

        var published = services.SelectMany(s => s.Value!["ports"]?.AsArray().Select(p => (string)p!["published"]!) ?? Enumerable.Empty<string>()).ToList();

        Assert.Equal(new[] { "${STOREFRONT_HOST_PORT:-8080}", "${ORDERS_HOST_PORT:-8081}", "${LEDGER_HOST_PORT:-8082}" }, published);
    }

    [Fact]
    public void Services_that_call_each_other_start_without_a_cycle()
    {
        var services = YamlJson.Parse(SystemHarness.Run(new[]
        {
            Shop.Of("A", "SidecarService(\"a\", Calls = new[] { \"b\" })"),
            Shop.Of("B", "SidecarService(\"b\", Calls = new[] { \"c\" })"),
            Shop.Of("C", "SidecarService(\"c\", Calls = new[] { \"a\" })"),
        })["compose/compose.yaml"])["services"]!;

        Assert.NotNull(services["a"]!["depends_on"]!["b"]);
        Assert.NotNull(services["b"]!["depends_on"]!["c"]);
        Assert.Null(services["c"]!["depends_on"]!["a"]);
        Assert.Equal("http://a:8080", (string?)services["c"]!["environment"]!["services__a__http__0"]);
    }
}
