using k8s.Models;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Systems;

/// <summary>
/// A callee's address under the configuration key the app reads (<c>Calls = ["IdentityUrl=identity-api"]</c>,
/// eShop's WebApp reads <c>IdentityUrl</c>, its Basket.API <c>Identity:Url</c>), beside the service
/// discovery variable, and a callee outside the system (<c>ExternalServices</c>) reached at the URL given.
/// </summary>
public sealed class CallKeyTests
{
    private static readonly SystemHarness.Service WebApp = Shop.Of(
        "WebApp",
        "SidecarService(\"webapp\", Image = \"registry.example.com/webapp:1.0.0\", Calls = new[] { \"Catalog:Url=orders\", \"IdentityUrl=identity-api\" }, ExternalServices = new[] { \"identity-api=https://identity.example.com\", \"fx=https://fx.example.com:8443/v2\" })",
        "AuthProxySidecar(IssuerUrl = \"https://login.example.com/realms/shop\")");

    private static readonly SystemHarness.Service Orders = Shop.Of(
        "Orders",
        "SidecarService(\"orders\", Image = \"registry.example.com/orders:1.0.0\", Calls = new[] { \"Ledger:Url=ledger\" })",
        "ServiceMeshSidecar(Upstreams = new[] { \"ledger\" }, Mtls = false)");

    private static readonly SystemHarness.Service[] System = { WebApp, Orders, Shop.Ledger };

    [Fact]
    public void Kubernetes_gives_each_callee_s_address_under_the_discovery_name_and_the_app_s_key()
    {
        var output = SystemHarness.Run(System);

        Assert.Equal("Generated", output.Status);
        var webapp = App(output, "webapp");
        Assert.Equal("http://orders", Env(webapp, "services__orders__http__0"));
        Assert.Equal("http://orders", Env(webapp, "Catalog__Url"));
        Assert.Equal("https://identity.example.com", Env(webapp, "services__identity-api__http__0"));
        Assert.Equal("https://identity.example.com", Env(webapp, "IdentityUrl"));
        Assert.Equal("https://fx.example.com:8443/v2", Env(webapp, "services__fx__http__0"));
        Assert.Equal(webapp.Env.Count, webapp.Env.Select(variable => variable.Name).Distinct().Count());

        // Through the mesh's egress listener, the key gets the same address the discovery variable has.
        var orders = App(output, "orders");
        Assert.Equal("http://127.0.0.1:15100", Env(orders, "services__ledger__http__0"));
        Assert.Equal("http://127.0.0.1:15100", Env(orders, "Ledger__Url"));
    }

    [Fact]
    public void Compose_gives_the_key_the_callee_s_entry_on_the_compose_network_and_the_external_url_as_given()
    {
        var environment = YamlJson.Parse(SystemHarness.Run(System)["compose/compose.yaml"])["services"]!["webapp"]!["environment"]!;

        Assert.Equal((string?)environment["services__orders__http__0"], (string?)environment["Catalog__Url"]);
        Assert.StartsWith("http://orders:", (string?)environment["Catalog__Url"]);
        Assert.Equal("https://identity.example.com", (string?)environment["IdentityUrl"]);
        Assert.Equal("https://identity.example.com", (string?)environment["services__identity-api__http__0"]);
    }

    [Fact]
    public void A_callee_outside_the_system_is_no_finding_and_the_caller_s_egress_stays_open()
    {
        var output = SystemHarness.Run(System);

        // The NetworkPolicy restricts ingress only, so the call to identity.example.com leaves the Pod;
        // orders admits webapp, its declared caller, and nothing is generated for the service outside.
        var webappPolicy = KubernetesObjects.Load<V1NetworkPolicy>(output["kubernetes/webapp/networkpolicy.yaml"]);
        Assert.Equal(new[] { "Ingress" }, webappPolicy.Spec.PolicyTypes);
        Assert.Null(webappPolicy.Spec.Egress);
        var ordersPolicy = KubernetesObjects.Load<V1NetworkPolicy>(output["kubernetes/orders/networkpolicy.yaml"]);
        Assert.Contains(ordersPolicy.Spec.Ingress.SelectMany(rule => rule.FromProperty ?? new List<V1NetworkPolicyPeer>()), peer => peer.PodSelector?.MatchLabels?.Values.Contains("webapp") == true);
        Assert.DoesNotContain(output.Files.Keys, path => path.Contains("identity", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_a_call_to_neither_a_service_of_the_system_nor_an_external_one_is_SCG0017()
    {
        var webapp = Shop.Of("WebApp", "SidecarService(\"webapp\", Calls = new[] { \"IdentityUrl=identity-api\", \"BasketUrl=basket-api\" }, ExternalServices = new[] { \"identity-api=https://identity.example.com\" })");

        var diagnostic = Assert.Single(await SystemHarness.Analyze(new[] { webapp, Orders, Shop.Ledger }));

        Assert.Equal("SCG0017", diagnostic.Id);
        Assert.Contains("'basket-api' is no service of the system", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(await SystemHarness.Analyze(System));
    }

    [Fact]
    public void A_service_built_alone_gives_the_key_the_kubernetes_service_and_the_external_url()
    {
        var output = GeneratorHarness.Run(WebApp.Source);

        var webapp = KubernetesObjects.Deployment(output).Spec.Template.Spec.Containers.Single(c => c.Name == "webapp");
        Assert.Equal("http://orders", Env(webapp, "Catalog__Url"));
        Assert.Equal("https://identity.example.com", Env(webapp, "IdentityUrl"));
        var compose = YamlJson.Parse(output["compose/compose.yaml"])["services"]!["webapp"]!["environment"]!;
        Assert.Equal("https://identity.example.com", (string?)compose["IdentityUrl"]);
        ComposeSchema.AssertValid(output["compose/compose.yaml"]);
    }

    private static V1Container App(GeneratedOutput output, string service) =>
        KubernetesObjects.Load<V1Deployment>(output[$"kubernetes/{service}/deployment.yaml"]).Spec.Template.Spec.Containers.Single(c => c.Name == service);

    private static string? Env(V1Container container, string name) => container.Env.SingleOrDefault(e => e.Name == name)?.Value;
}
