using System.Diagnostics.Metrics;

namespace PaymentService;

/// <summary>A payment to take.</summary>
public sealed record PaymentRequest(string OrderId, decimal Amount, string Currency);

/// <summary>The ledger's record of a payment.</summary>
public sealed record LedgerEntry(string Id, string OrderId, decimal Amount, string Currency);

/// <summary>Settings that arrive through the config watcher (key <c>Payments__MaxAmount</c>).</summary>
public sealed class PaymentOptions
{
    public decimal MaxAmount { get; set; } = 10_000m;
}

/// <summary>Calls the ledger service through the mesh sidecar's local egress listener.</summary>
public sealed class LedgerClient(HttpClient http)
{
    public async Task<LedgerEntry> RecordAsync(PaymentRequest request)
    {
        using var response = await http.PostAsJsonAsync("/entries", request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<LedgerEntry>())!;
    }
}

/// <summary>The service's own metrics, exported over OTLP to the metrics sidecar.</summary>
public sealed class PaymentMetrics : IDisposable
{
    public const string MeterName = "PaymentService";
    private readonly Meter meter = new(MeterName);
    private readonly Counter<decimal> paid;

    public PaymentMetrics() => paid = meter.CreateCounter<decimal>("payments.amount", unit: "{currency}");

    public void Paid(string currency, decimal amount) => paid.Add(amount, new KeyValuePair<string, object?>("currency", currency));

    public void Dispose() => meter.Dispose();
}
