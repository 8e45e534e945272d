using System.Collections.Concurrent;
using SidecarGen;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<ConcurrentQueue<(int Order, decimal Amount)>>();

var app = builder.Build();

app.MapGet("/healthz", () => Results.Ok("healthy"));
app.MapPost("/entries", (int order, decimal amount, ConcurrentQueue<(int Order, decimal Amount)> entries) =>
{
    entries.Enqueue((order, amount));
    return Results.Accepted();
});

app.Run();

/// <summary>The ledger: only orders calls it; its log files are shipped by a sidecar.</summary>
[SidecarService("ledger", Image = "registry.example.com/shop/ledger:1.0.0", Replicas = 1)]
[LoggingSidecar]
public partial class Program;
