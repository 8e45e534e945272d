using SidecarGen;

var builder = WebApplication.CreateBuilder(args);

// SidecarGen gives the app each called service's address as services__orders__http__0, the
// configuration key services:orders:http:0 that Microsoft.Extensions.ServiceDiscovery reads too.
builder.Services.AddHttpClient("orders", client => client.BaseAddress = new Uri(builder.Configuration["services:orders:http:0"] ?? "http://orders"));

var app = builder.Build();

app.MapGet("/healthz", () => Results.Ok("healthy"));

// The auth proxy has authenticated the customer before a request gets here.
app.MapGet("/", async (IHttpClientFactory clients) => Results.Text(await clients.CreateClient("orders").GetStringAsync("/orders"), "application/json"));

app.Run();

/// <summary>The storefront: the system's entry, behind the auth proxy; it calls orders.</summary>
[SidecarService("storefront", Image = "registry.example.com/shop/storefront:1.0.0", Calls = new[] { "orders" })]
[AuthProxySidecar(IssuerUrl = "https://login.example.com/realms/shop", SecretName = "storefront-auth")]
partial class Program;
