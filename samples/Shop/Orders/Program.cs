using System.Collections.Concurrent;
using OpenTelemetry.Metrics;
using SidecarGen;

var builder = WebApplication.CreateBuilder(args);

// The ledger is an upstream of the mesh sidecar: services:ledger:http:0 is the sidecar's local egress
// listener, which retries and breaks the circuit on the way to the ledger.
builder.Services.AddHttpClient("ledger", client => client.BaseAddress = new Uri(builder.Configuration["services:ledger:http:0"] ?? "http://ledger"));
builder.Services.AddSingleton<ConcurrentDictionary<int, decimal>>();

// The metrics sidecar sets OTEL_EXPORTER_OTLP_ENDPOINT; the exporter reads it.
builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddOtlpExporter());

var app = builder.Build();

app.MapGet("/healthz", () => Results.Ok("healthy"));
app.MapGet("/orders", (ConcurrentDictionary<int, decimal> orders) => orders.Select(order => new { id = order.Key, total = order.Value }));
app.MapPost("/orders/{id:int}", async (int id, decimal total, ConcurrentDictionary<int, decimal> orders, IHttpClientFactory clients) =>
{
    // An order counts once the ledger has booked it.
    using var booked = await clients.CreateClient("ledger").PostAsync(FormattableString.Invariant($"/entries?order={id}&amount={total}"), null);
    if (!booked.IsSuccessStatusCode)
    {
        return Results.Problem($"The ledger answered {(int)booked.StatusCode}.", statusCode: StatusCodes.Status502BadGateway);
    }

    orders[id] = total;
    return Results.Created($"/orders/{id}", new { id, total });
});

app.Run();

/// <summary>
/// Orders: called by the storefront; calls the ledger through its mesh sidecar. Mutual TLS is off, so the
/// storefront, which has no mesh sidecar, can call it (with it on, the system build reports SCG0019).
/// </summary>
[SidecarService("orders", Image = "registry.example.com/shop/orders:1.0.0", Calls = new[] { "ledger" })]
[ServiceMeshSidecar(Upstreams = new[] { "ledger" }, Mtls = false)]
[MetricsSidecar]
partial class Program;
