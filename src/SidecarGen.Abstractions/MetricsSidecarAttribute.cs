using System;
using System.Diagnostics;

namespace SidecarGen;

/// <summary>
/// An OpenTelemetry Collector beside the app: it receives OTLP on <c>localhost:</c><see cref="OtlpPort"/>
/// and exposes Prometheus metrics on <see cref="ScrapePort"/> at <c>/metrics</c>.
/// </summary>
/// <remarks>
/// The app gets <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> and
/// <c>OTEL_SERVICE_NAME</c>, so the OpenTelemetry SDK finds the collector without code. The Pod is
/// annotated for Prometheus scraping (<c>prometheus.io/scrape</c>, <c>port</c>, <c>path</c>). That
/// endpoint also serves the app's OTLP log and trace exporters: the collector forwards those records to
/// <see cref="ForwardEndpoint"/>, or without one writes them to its own log (container output), so no
/// signal the app sends is dropped.
/// </remarks>
/// <example>
/// <code>
/// [MetricsSidecar(ScrapePort = 8889)]
/// partial class Program;
/// </code>
/// </example>
// The generator reads this attribute from source; [Conditional] keeps it out of the compiled assembly unless SIDECARGEN_KEEP_ATTRIBUTES is defined.
[Conditional("SIDECARGEN_KEEP_ATTRIBUTES")]
[SidecarConcern(SidecarConcerns.Metrics)]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class MetricsSidecarAttribute : SidecarAttribute
{
    /// <summary>Declares a metrics sidecar named <c>metrics</c> with the collector's default pinned image.</summary>
    public MetricsSidecarAttribute()
        : base("metrics")
    {
    }

    /// <summary>The port Prometheus scrapes at <c>/metrics</c>. Default 8889.</summary>
    public int ScrapePort { get; set; } = 8889;

    /// <summary>The OTLP gRPC port the app exports to on <c>localhost</c>. Default 4317.</summary>
    public int OtlpPort { get; set; } = 4317;

    /// <summary>
    /// An OTLP/gRPC endpoint, <c>http://host:port</c> (plain) or <c>https://host:port</c> (TLS), that the collector
    /// forwards the app's traces and logs to (a Tempo, Jaeger, Loki or vendor OTLP intake). Default: none, and the
    /// collector writes them to its own log.
    /// </summary>
    public string? ForwardEndpoint { get; set; }
}
