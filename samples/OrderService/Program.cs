using OrderService;
using OrderService.Logging;
using SidecarGen;

var builder = WebApplication.CreateBuilder(args);

// The logging sidecar tails the files in this folder; the app only writes them.
builder.Logging.AddJsonLines(builder.Configuration["LogDirectory"] ?? "/var/log/app");
builder.Services.AddSingleton<OrderBook>();

var app = builder.Build();

app.MapGet("/healthz", () => Results.Ok("healthy"));

// The auth proxy sidecar has authenticated the caller before a request gets here; it passes the
// user's e-mail in X-Forwarded-Email.
app.MapGet("/orders", (OrderBook orders) => orders.All());
app.MapGet("/orders/{id:int}", (int id, OrderBook orders) => orders.Find(id) is { } order ? Results.Ok(order) : Results.NotFound());
app.MapPost("/orders", (NewOrder request, OrderBook orders, HttpRequest http, ILogger<Program> logger) =>
{
    var order = orders.Place(request, http.Headers["X-Forwarded-Email"].ToString());
    logger.LogInformation("Order {OrderId} placed for {Customer}", order.Id, order.Customer);
    return Results.Created($"/orders/{order.Id}", order);
});

app.Run();

/// <summary>The deployment of this service: the app plus two sidecars, written at build time.</summary>
[SidecarService("order-service", Image = "registry.example.com/order-service:1.4.2", Port = 8080)]
[LoggingSidecar(LogPath = "/var/log/app")]
[AuthProxySidecar(IssuerUrl = "https://login.example.com/realms/shop", SecretName = "order-auth")]
partial class Program;
