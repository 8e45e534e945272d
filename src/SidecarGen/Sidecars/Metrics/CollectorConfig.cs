using System;
using SidecarGen.Yaml;

namespace SidecarGen.Sidecars.Metrics;

/// <summary>The OpenTelemetry Collector's configuration file.</summary>
internal static class CollectorConfig
{
    public const string FileName = "collector.yaml";

    /// <summary>
    /// OTLP in on localhost only (the app is in the same network namespace), a memory limiter and a
    /// batch processor, Prometheus out; the collector's own telemetry stays off so it opens no other port.
    /// The app's logs and traces are received too, and forwarded over OTLP/gRPC to <paramref name="forward"/>
    /// (the <c>otlp</c> exporter; plain for <c>http</c>, TLS for <c>https</c>), or without it written to the
    /// collector's own log (the <c>debug</c> exporter, <c>detailed</c>): the app is given <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, which
    /// every OTLP exporter it registers reads (opentelemetry-dotnet core-1.18.0, <c>OtlpExporterOptions</c>:
    /// <c>AddOtlpExporter</c> reads no per-signal variable), so a collector without those pipelines would
    /// refuse them and the app would lose them without a word.
    /// </summary>
    public static string Render(int otlpPort, int scrapePort, int healthPort, Uri? forward)
    {
        var yaml = new YamlWriter().BeginMap();
        yaml.BeginMap("receivers").BeginMap("otlp").BeginMap("protocols")
            .BeginMap("grpc").Pair("endpoint", "127.0.0.1:" + ConfigText.Number(otlpPort)).EndMap()
            .EndMap().EndMap().EndMap();
        yaml.BeginMap("processors")
            .BeginMap("memory_limiter").Pair("check_interval", "1s").Pair("limit_percentage", 80).Pair("spike_limit_percentage", 25).EndMap()
            .BeginMap("batch").EndMap()
            .EndMap();
        yaml.BeginMap("exporters").BeginMap("prometheus")
            .Pair("endpoint", "0.0.0.0:" + ConfigText.Number(scrapePort))
            .BeginMap("resource_to_telemetry_conversion").Pair("enabled", true).EndMap()
            .EndMap();
        var elsewhere = forward is null ? Debug(yaml) : Otlp(yaml, forward);
        yaml.EndMap();
        yaml.BeginMap("extensions").BeginMap("health_check").Pair("endpoint", "0.0.0.0:" + ConfigText.Number(healthPort)).EndMap().EndMap();
        yaml.BeginMap("service")
            .BeginSequence("extensions", flow: true).String("health_check").EndSequence()
            .BeginMap("pipelines");
        Pipeline(yaml, "metrics", "prometheus");
        Pipeline(yaml, "traces", elsewhere);
        Pipeline(yaml, "logs", elsewhere);
        yaml.EndMap()
            .BeginMap("telemetry").BeginMap("metrics").Pair("level", "none").EndMap().EndMap()
            .EndMap();
        return yaml.EndMap().Finish();
    }

    /// <summary>Every record in full, into the collector's own log (its container's output).</summary>
    private static string Debug(YamlWriter yaml)
    {
        yaml.BeginMap("debug").Pair("verbosity", "detailed").EndMap();
        return "debug";
    }

    /// <summary>
    /// OTLP/gRPC to <paramref name="forward"/>'s host and port: the exporter's <c>endpoint</c> is gRPC's
    /// <c>host:port</c>; an <c>http</c> URL is sent in plain text (<c>tls.insecure</c>), an <c>https</c> one over TLS.
    /// </summary>
    private static string Otlp(YamlWriter yaml, Uri forward)
    {
        yaml.BeginMap("otlp").Pair("endpoint", forward.Host + ":" + ConfigText.Number(forward.Port));
        if (forward.Scheme == Uri.UriSchemeHttp)
        {
            yaml.BeginMap("tls").Pair("insecure", true).EndMap();
        }

        yaml.EndMap();
        return "otlp";
    }

    /// <summary>A pipeline of one signal: from the app's OTLP, through the memory limiter and the batch, to <paramref name="exporter"/>.</summary>
    private static void Pipeline(YamlWriter yaml, string signal, string exporter) =>
        yaml.BeginMap(signal)
            .BeginSequence("receivers", flow: true).String("otlp").EndSequence()
            .BeginSequence("processors", flow: true).String("memory_limiter").String("batch").EndSequence()
            .BeginSequence("exporters", flow: true).String(exporter).EndSequence()
            .EndMap();
}
