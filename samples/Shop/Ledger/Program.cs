using System.Collections.Concurrent;
using SidecarGen;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<ConcurrentQueue<(int Order, decimal Amount)>>();

// Each entry is also a line in a log file, where the logging sidecar reads it (its LogPath, /var/log/app,
// is a volume the two share); run outside a container, without that folder, the ledger keeps no file.
var logFile = builder.Configuration["Ledger:LogFile"] ?? "/var/log/app/ledger.log";
var logLock = new Lock();

var app = builder.Build();

app.MapGet("/healthz", () => Results.Ok("healthy"));
app.MapGet("/entries", (ConcurrentQueue<(int Order, decimal Amount)> entries) => entries.Select(entry => new { order = entry.Order, amount = entry.Amount }));
app.MapPost("/entries", (int order, decimal amount, ConcurrentQueue<(int Order, decimal Amount)> entries) =>
{
    entries.Enqueue((order, amount));
    if (Directory.Exists(Path.GetDirectoryName(logFile)))
    {
        lock (logLock)
        {
            File.AppendAllText(logFile, FormattableString.Invariant($"booked order {order}: {amount}\n"));
        }
    }

    return Results.Accepted();
});

app.Run();

/// <summary>The ledger: only orders calls it; its log files are shipped by a sidecar.</summary>
[SidecarService("ledger", Image = "registry.example.com/shop/ledger:1.0.0", Replicas = 1)]
[LoggingSidecar]
partial class Program;
