using OpenTelemetry.Metrics;
using PaymentService;
using SidecarGen;

var builder = WebApplication.CreateBuilder(args);

// The config watcher sidecar mirrors etcd's keys under /config/payment-service into this folder,
// one file per key; the app just reloads files.
builder.Configuration.AddKeyPerFile("/etc/app/config", optional: true, reloadOnChange: true);
builder.Services.Configure<PaymentOptions>(builder.Configuration.GetSection("Payments"));

// The metrics sidecar sets OTEL_EXPORTER_OTLP_ENDPOINT; the exporter reads it.
builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
    .AddAspNetCoreInstrumentation()
    .AddMeter(PaymentMetrics.MeterName)
    .AddOtlpExporter());
builder.Services.AddSingleton<PaymentMetrics>();

// The mesh sidecar's egress listener for the ledger: plain HTTP to localhost, mTLS beyond it.
builder.Services.AddHttpClient<LedgerClient>(client =>
    client.BaseAddress = new Uri(builder.Configuration["SIDECARGEN_UPSTREAM_LEDGER"] ?? "http://127.0.0.1:15100"));

var app = builder.Build();

app.MapGet("/healthz", () => Results.Ok("healthy"));

// The limits in force, as the config watcher last delivered them.
app.MapGet("/payments/limits", (Microsoft.Extensions.Options.IOptionsSnapshot<PaymentOptions> options) => new { options.Value.MaxAmount });
app.MapPost("/payments", async (PaymentRequest request, LedgerClient ledger, PaymentMetrics metrics, Microsoft.Extensions.Options.IOptionsSnapshot<PaymentOptions> options) =>
{
    if (request.Amount <= 0 || request.Amount > options.Value.MaxAmount)
    {
        return Results.BadRequest($"Amount must be between 0 and {options.Value.MaxAmount}.");
    }

    var entry = await ledger.RecordAsync(request);
    metrics.Paid(request.Currency, request.Amount);
    return Results.Created($"/payments/{entry.Id}", entry);
});

app.Run();

/// <summary>The deployment: the app behind Envoy, with an OpenTelemetry Collector and an etcd watcher beside it.</summary>
[SidecarService("payment-service", Image = "registry.example.com/payment-service:2.0.1", Port = 8080, Replicas = 3)]
[ServiceMeshSidecar(Upstreams = new[] { "ledger=ledger.finance.svc.cluster.local:8080" }, Retries = 2, TimeoutSeconds = 10)]
[MetricsSidecar]
[ConfigWatcherSidecar(Source = ConfigSource.Etcd, Address = "http://etcd.platform.svc.cluster.local:2379", Key = "/config/payment-service")]
partial class Program;
