using System.Collections.Generic;
using System.Linq;
using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Rules;

namespace SidecarGen.Sidecars.Metrics;

/// <summary>
/// <c>[MetricsSidecar]</c>: an OpenTelemetry Collector receiving OTLP from the app on localhost and
/// exposing the metrics for Prometheus on <c>ScrapePort</c> (announced as SidecarGenPrometheus says); the
/// app is told where to export (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).
/// </summary>
internal sealed class MetricsSidecar : SidecarKind<MetricsSidecarAttribute, MetricsOptions>
{
    /// <summary>OpenTelemetry Collector, contrib distribution (prometheus exporter, health_check extension).</summary>
    public const string Image = "otel/opentelemetry-collector-contrib:0.114.0";

    public const int HealthPort = 13133;

    public override IEnumerable<string> DefaultImages => new[] { Image };

    protected override MetricsOptions ReadOptions(MetricsSidecarAttribute attribute) => MetricsOptions.Read(attribute);

    protected override string? DefaultImage(MetricsOptions options) => Image;

    protected override IEnumerable<PortProperty> Ports(MetricsOptions options) => new[]
    {
        new PortProperty(nameof(MetricsSidecarAttribute.ScrapePort), options.ScrapePort),
        new PortProperty(nameof(MetricsSidecarAttribute.OtlpPort), options.OtlpPort),
    };

    protected override void Check(MetricsOptions options, AttributeFindings findings)
    {
        SidecarChecks.Url(findings, nameof(MetricsSidecarAttribute.ForwardEndpoint), options.ForwardEndpoint, options.ForwardUrl, required: false);
        if (options.ForwardUrl is { } url && (url.AbsolutePath != "/" || url.Query.Length > 0 || url.Fragment.Length > 0))
        {
            findings.Report(RuleIds.InvalidUrl, nameof(MetricsSidecarAttribute.ForwardEndpoint), $"{nameof(MetricsSidecarAttribute.ForwardEndpoint)} '{options.ForwardEndpoint}' takes no path: the collector's OTLP/gRPC exporter sends to host:port");
        }
    }

    protected override SidecarSpec Plan(MetricsOptions options, SidecarContext context)
    {
        var name = options.Common.Name;
        var health = new PortSpec("otel-health", HealthPort);
        var metrics = new MetricsEndpoint("metrics", options.ScrapePort, "/metrics");

        var container = CommonSettings.Container(
            options.Common,
            CommonSettings.Image(options.Common, Image),
            Enumerable.Empty<string>(),
            new[] { "--config=" + SidecarSpec.ConfigMount(name) + "/" + CollectorConfig.FileName },
            new[] { new PortSpec("otlp-grpc", options.OtlpPort), new PortSpec(metrics.PortName, metrics.Port), health },
            Enumerable.Empty<EnvVarSpec>(),
            new[] { CommonSettings.ConfigMount(name) },
            ProbeSpec.Http(health.Name, "/"));

        return new SidecarSpec(
            container,
            ConfigFiles: EquatableArray.Of(new ConfigFileSpec(CollectorConfig.FileName, CollectorConfig.Render(options.OtlpPort, options.ScrapePort, HealthPort, options.ForwardUrl))),
            AppEnv: EquatableArray.Of(
                EnvVarSpec.Literal("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:" + ConfigText.Number(options.OtlpPort)),
                EnvVarSpec.Literal("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"),
                EnvVarSpec.Literal("OTEL_SERVICE_NAME", context.ServiceName)),
            Metrics: metrics,
            Requests: Requests(context));
    }

    /// <summary>
    /// The app's own count of the requests it served: ASP.NET Core's <c>http.server.request.duration</c>
    /// histogram (seconds), as the collector's Prometheus exporter names it, labelled <c>service_name</c> by
    /// <c>resource_to_telemetry_conversion</c> from the <c>OTEL_SERVICE_NAME</c> the app is given.
    /// </summary>
    private static RequestMetric Requests(SidecarContext context) =>
        RequestMetric.Of("http_server_request_duration_seconds_count", "namespace", context.Namespace, new LabelMatcher("service_name", context.ServiceName));
}
