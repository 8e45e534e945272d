using System.Globalization;
using System.Linq;
using SidecarGen.Emit;
using SidecarGen.Model;
using SidecarGen.Planning;

namespace SidecarGen.Sidecars;

/// <summary>
/// <c>[MetricsSidecar]</c>: an OpenTelemetry Collector receiving OTLP from the app on localhost and
/// exposing the metrics for Prometheus on <c>ScrapePort</c>; the Pod is annotated for scraping and the
/// app is told where to export (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).
/// </summary>
internal static class MetricsSidecar
{
    public const string DefaultName = "metrics";
    public const int DefaultScrapePort = 8889;
    public const int DefaultOtlpPort = 4317;
    public const int HealthPort = 13133;
    private const string ConfigFile = "collector.yaml";

    public static SidecarSpec Build(SidecarDeclaration sidecar, SidecarContext context)
    {
        var arguments = sidecar.Arguments;
        var name = CommonSettings.Name(sidecar, DefaultName);
        var scrapePort = arguments.GetInt("ScrapePort") ?? DefaultScrapePort;
        var otlpPort = arguments.GetInt("OtlpPort") ?? DefaultOtlpPort;
        var health = new PortSpec("otel-health", HealthPort);

        var container = CommonSettings.Container(
            sidecar,
            name,
            CommonSettings.Image(sidecar, DefaultImages.OpenTelemetryCollector),
            Enumerable.Empty<string>(),
            new[] { "--config=" + SidecarSpec.ConfigMount(name) + "/" + ConfigFile },
            new[] { new PortSpec("otlp-grpc", otlpPort), new PortSpec("metrics", scrapePort), health },
            Enumerable.Empty<EnvVarSpec>(),
            new[] { CommonSettings.ConfigMount(name) },
            ProbeSpec.Http(health.Name, "/"));

        return new SidecarSpec(
            container,
            CommonSettings.Concerns(sidecar, Concerns.Metrics),
            EquatableArray.Of(new ConfigFileSpec(ConfigFile, Render(otlpPort, scrapePort))),
            EquatableArray<SharedVolumeSpec>.Empty,
            EquatableArray.Of(
                EnvVarSpec.Literal("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:" + Text(otlpPort)),
                EnvVarSpec.Literal("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"),
                EnvVarSpec.Literal("OTEL_SERVICE_NAME", context.ServiceName)),
            EquatableArray.Of(
                new KeyValue("prometheus.io/scrape", "true"),
                new KeyValue("prometheus.io/port", Text(scrapePort)),
                new KeyValue("prometheus.io/path", "/metrics")),
            InboundPort: null);
    }

    /// <summary>
    /// OTLP in on localhost only (the app is in the same network namespace), a memory limiter and a
    /// batch processor, Prometheus out; the collector's own telemetry stays off so it opens no other port.
    /// </summary>
    private static string Render(int otlpPort, int scrapePort)
    {
        var yaml = new YamlWriter().BeginMap();
        yaml.BeginMap("receivers").BeginMap("otlp").BeginMap("protocols")
            .BeginMap("grpc").Pair("endpoint", "127.0.0.1:" + Text(otlpPort)).EndMap()
            .EndMap().EndMap().EndMap();
        yaml.BeginMap("processors")
            .BeginMap("memory_limiter").Pair("check_interval", "1s").Pair("limit_percentage", 80).Pair("spike_limit_percentage", 25).EndMap()
            .BeginMap("batch").EndMap()
            .EndMap();
        yaml.BeginMap("exporters").BeginMap("prometheus")
            .Pair("endpoint", "0.0.0.0:" + Text(scrapePort))
            .BeginMap("resource_to_telemetry_conversion").Pair("enabled", true).EndMap()
            .EndMap().EndMap();
        yaml.BeginMap("extensions").BeginMap("health_check").Pair("endpoint", "0.0.0.0:" + Text(HealthPort)).EndMap().EndMap();
        yaml.BeginMap("service")
            .BeginSequence("extensions", flow: true).String("health_check").EndSequence()
            .BeginMap("pipelines").BeginMap("metrics")
            .BeginSequence("receivers", flow: true).String("otlp").EndSequence()
            .BeginSequence("processors", flow: true).String("memory_limiter").String("batch").EndSequence()
            .BeginSequence("exporters", flow: true).String("prometheus").EndSequence()
            .EndMap().EndMap()
            .BeginMap("telemetry").BeginMap("metrics").Pair("level", "none").EndMap().EndMap()
            .EndMap();
        return yaml.EndMap().Finish();
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
