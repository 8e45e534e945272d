using System.Net;
using System.Text.Json;
using SidecarGen.Tests.Infrastructure;
using SidecarGen.Tests.Systems;

namespace SidecarGen.Tests.Runtime;

/// <summary>
/// samples/Shop, the system, from the Compose file its build writes, run for real: the three sample
/// services published, each behind its sidecars, calling one another by the names and ports the
/// generator gave them. Stand-ins (tests/runtime/images) read the generated Envoy, collector and
/// Fluent Bit configurations and serve what they say, so a wrong port, route, cluster or path in
/// them breaks the calls below.
/// </summary>
[Collection(RuntimeCollection.Name)]
[Trait("Category", "Runtime")]
public sealed class SystemRuntimeTests(RuntimeFixture fixture)
{
    private static readonly string[] Projects = { "Storefront", "Orders", "Ledger" };

    [SkippableFact]
    public async Task The_shop_books_an_order_through_the_mesh_and_serves_it_behind_the_auth_proxy()
    {
        var engine = fixture.Engine;
        var services = Projects
            .Select(project => new SystemHarness.Service(project, File.ReadAllText(Path.Combine(ContainerEngine.RepositoryRoot, "samples", "Shop", project, "Program.cs"))))
            .ToArray();
        var environment = new Dictionary<string, string>
        {
            ["STOREFRONT_AUTH_CLIENT_ID"] = "storefront",
            ["STOREFRONT_AUTH_CLIENT_SECRET"] = "client-secret-" + Guid.NewGuid().ToString("N"),
            ["STOREFRONT_AUTH_COOKIE_SECRET"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray()).Replace('+', '-').Replace('/', '_'),
        };
        // As samples/Shop/Shop/Shop.csproj builds it.
        using var stack = new ComposeStack(engine, SystemHarness.Run(services, new Dictionary<string, string> { ["SidecarGenNamespace"] = "shop" }).Files, environment);
        var apps = Projects.ToDictionary(project => "registry.example.com/shop/" + project.ToLowerInvariant() + ":1.0.0", project => "Shop/" + project);
        fixture.BuildImages(stack.Generated, apps);
        var storefront = stack.Generated.ServiceWithImage("registry.example.com/shop/storefront:1.0.0");
        var orders = stack.Generated.ServiceWithImage("registry.example.com/shop/orders:1.0.0");
        var ledger = stack.Generated.ServiceWithImage("registry.example.com/shop/ledger:1.0.0");
        var mesh = stack.Generated.ServiceWithImagePrefix("envoyproxy/envoy:");
        var logging = stack.Generated.ServiceWithImagePrefix("cr.fluentbit.io/fluent/fluent-bit:");

        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        stack.Up();
        var published = stack.Generated.PublishedPorts();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        // An order placed on orders' published port: in through its mesh sidecar's inbound listener, and
        // booked with the ledger through the sidecar's egress listener, by the name "ledger".
        var order = Random.Shared.Next(1000, 9999);
        using (var placed = await client.PostAsync($"http://127.0.0.1:{published[orders]}/orders/{order}?total=12.5", null))
        {
            Assert.True(placed.StatusCode == HttpStatusCode.Created, $"{placed.StatusCode}: {await placed.Content.ReadAsStringAsync()}\n{stack.Diagnose()}");
        }

        var meshLog = stack.Compose("logs", "--no-color", mesh);
        Assert.Contains($"inbound: POST /orders/{order}?total=12.5 HTTP/1.1 -> 127.0.0.1:8080", meshLog, StringComparison.Ordinal);
        Assert.Contains($"egress-ledger: POST /entries?order={order}&amount=12.5 HTTP/1.1 -> ledger:8080", meshLog, StringComparison.Ordinal);
        var entries = await Json(client, $"http://127.0.0.1:{published[ledger]}/entries");
        Assert.Contains(entries.EnumerateArray(), entry => entry.GetProperty("order").GetInt32() == order && entry.GetProperty("amount").GetDecimal() == 12.5m);

        // The storefront, behind its auth proxy, lists the order it reads from orders by the name the
        // system gave it (orders:15001, orders' mesh inbound).
        var listed = await Json(client, $"http://127.0.0.1:{published[storefront]}/");
        Assert.Contains(listed.EnumerateArray(), entry => entry.GetProperty("id").GetInt32() == order && entry.GetProperty("total").GetDecimal() == 12.5m);
        Assert.Contains("inbound: GET /orders HTTP/1.1 -> 127.0.0.1:8080", stack.Compose("logs", "--no-color", mesh), StringComparison.Ordinal);

        // The ledger's log file reaches its logging sidecar through the volume they share, and leaves it
        // as a record carrying the service's name.
        await stack.Eventually(
            () => Task.FromResult(stack.Compose("logs", "--no-color", logging).Contains($"\"log\":\"booked order {order}: 12.5\",\"service\":\"ledger\"", StringComparison.Ordinal)),
            "the ledger's log line to reach its logging sidecar");

        // Callees first, as a Pod's calls wait for ready endpoints: the ledger was healthy before orders
        // started, and orders before the storefront.
        var events = stack.Events(started);
        Assert.True(FirstOf(events, ledger, "health_status: healthy") < FirstOf(events, orders, "start"), "orders started before the ledger was healthy:\n" + string.Join("\n", events));
        Assert.True(FirstOf(events, orders, "health_status: healthy") < FirstOf(events, storefront, "start"), "the storefront started before orders was healthy:\n" + string.Join("\n", events));

        // As for every stack: uid 10001 and read-only roots, SIGTERM honoured, nothing left after down.
        stack.AssertEveryContainerRestricted();
        stack.AssertStopsOnSigtermAndLeavesNothing();
    }

    private static async Task<JsonElement> Json(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static long FirstOf(IReadOnlyList<(string Service, string Action, long TimeNano)> events, string service, string action) =>
        events.Where(e => e.Service == service && e.Action == action).Select(e => e.TimeNano).DefaultIfEmpty(long.MaxValue).Min();
}
