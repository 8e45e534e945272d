using System;

namespace SidecarGen;

/// <summary>
/// An OpenTelemetry Collector beside the app: it receives OTLP on <c>localhost:</c><see cref="OtlpPort"/>
/// (the app gets <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) and exposes Prometheus metrics on
/// <see cref="ScrapePort"/> at <c>/metrics</c>, with the Pod annotated for scraping.
/// </summary>
[SidecarConcern(SidecarConcerns.Metrics)]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class MetricsSidecarAttribute : SidecarAttribute
{
    /// <summary>Declares a metrics sidecar named <c>metrics</c>.</summary>
    public MetricsSidecarAttribute()
        : base("metrics")
    {
    }

    /// <summary>The port Prometheus scrapes. Default 8889.</summary>
    public int ScrapePort { get; set; } = 8889;

    /// <summary>The OTLP gRPC port the app exports to. Default 4317.</summary>
    public int OtlpPort { get; set; } = 4317;
}
