using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Sidecars;

/// <summary>The OpenTelemetry Collector config, against the collector's documented schema: every component a pipeline names is defined.</summary>
public sealed class CollectorConfigTests
{
    [Fact]
    public void Otlp_in_on_loopback_prometheus_out_and_every_pipeline_component_defined()
    {
        var output = GeneratorHarness.Run(SidecarDeclarations.Service("MetricsSidecar(ScrapePort = 9464, OtlpPort = 4320)"));
        var config = YamlJson.Parse(output["compose/config/payment-service-metrics/collector.yaml"]);

        Assert.Equal(new[] { "receivers", "processors", "exporters", "extensions", "service" }, config.AsObject().Select(p => p.Key));
        Assert.Equal("127.0.0.1:4320", (string?)config["receivers"]!["otlp"]!["protocols"]!["grpc"]!["endpoint"]);
        Assert.Equal("0.0.0.0:9464", (string?)config["exporters"]!["prometheus"]!["endpoint"]);
        var pipelines = config["service"]!["pipelines"]!.AsObject();
        foreach (var (_, each) in pipelines)
        {
            foreach (var section in new[] { "receivers", "processors", "exporters" })
            {
                Assert.All(each![section]!.AsArray(), component => Assert.NotNull(config[section]![(string)component!]));
            }
        }

        var pipeline = pipelines["metrics"]!;

        Assert.All(config["service"]!["extensions"]!.AsArray(), extension => Assert.NotNull(config["extensions"]![(string)extension!]));
        Assert.Equal("memory_limiter", (string?)pipeline["processors"]![0]);

        var collector = KubernetesObjects.Deployment(output).Spec.Template.Spec.InitContainers.Single();
        Assert.Equal(new[] { "--config=/etc/sidecargen/metrics/collector.yaml" }, collector.Args);
        Assert.Equal(13133, collector.Ports.Single(p => p.Name == (string)collector.ReadinessProbe.HttpGet.Port.Value).ContainerPort);
        Assert.Equal("http://localhost:4320", KubernetesObjects.Deployment(output).Spec.Template.Spec.Containers[0].Env.Single(e => e.Name == "OTEL_EXPORTER_OTLP_ENDPOINT").Value);
    }

    /// <summary>
    /// The app is given OTEL_EXPORTER_OTLP_ENDPOINT, which every OTLP exporter it registers reads, logs and
    /// traces included (opentelemetry-dotnet core-1.18.0: AddOtlpExporter reads no per-signal variable; the
    /// Aspire service defaults, dotnet/eShop 5624ad56 eShop.ServiceDefaults/Extensions.cs, register all three
    /// when that variable is set). So the collector takes all three signals the collector has
    /// (otelcol-contrib 0.114.0 pipeline types: traces, metrics, logs) and writes the app's logs and traces
    /// to its own log, each record in full (the debug exporter's verbosity "detailed"), never to nowhere.
    /// </summary>
    [Fact]
    public void Logs_and_traces_from_the_app_reach_the_collectors_log()
    {
        var output = GeneratorHarness.Run(SidecarDeclarations.Service("MetricsSidecar"));
        var config = YamlJson.Parse(output["compose/config/payment-service-metrics/collector.yaml"]);

        var pipelines = config["service"]!["pipelines"]!.AsObject();
        Assert.Equal(new[] { "logs", "metrics", "traces" }, pipelines.Select(p => p.Key).Order());
        foreach (var signal in new[] { "logs", "traces" })
        {
            Assert.Equal(new[] { "otlp" }, pipelines[signal]!["receivers"]!.AsArray().Select(r => (string?)r));
            Assert.Equal(new[] { "debug" }, pipelines[signal]!["exporters"]!.AsArray().Select(e => (string?)e));
        }

        Assert.Equal("detailed", (string?)config["exporters"]!["debug"]!["verbosity"]);
        var app = KubernetesObjects.Deployment(output).Spec.Template.Spec.Containers[0].Env.Select(e => e.Name).ToList();
        Assert.Contains("OTEL_EXPORTER_OTLP_ENDPOINT", app);
        Assert.DoesNotContain(app, name => name.StartsWith("OTEL_EXPORTER_OTLP_", StringComparison.Ordinal) && name.EndsWith("_ENDPOINT", StringComparison.Ordinal) && name != "OTEL_EXPORTER_OTLP_ENDPOINT");
    }

    /// <summary>
    /// ForwardEndpoint sends the app's traces and logs on over OTLP/gRPC (otelcol-contrib 0.114.0's otlp exporter:
    /// endpoint is gRPC's host:port; tls.insecure for plain text), instead of into the collector's log.
    /// </summary>
    [Theory]
    [InlineData("http://tempo.monitoring:4317", "tempo.monitoring:4317", true)]
    [InlineData("https://otlp.example.com", "otlp.example.com:443", false)]
    public void Logs_and_traces_are_forwarded_to_the_endpoint_the_user_names(string forward, string endpoint, bool plain)
    {
        var output = GeneratorHarness.Run(SidecarDeclarations.Service($"MetricsSidecar(ForwardEndpoint = \"{forward}\")"));
        var config = YamlJson.Parse(output["compose/config/payment-service-metrics/collector.yaml"]);

        Assert.Equal(new[] { "prometheus", "otlp" }, config["exporters"]!.AsObject().Select(e => e.Key));
        var otlp = config["exporters"]!["otlp"]!;
        Assert.Equal(endpoint, (string?)otlp["endpoint"]);
        Assert.Equal(plain, (bool?)otlp["tls"]?["insecure"] ?? false);
        foreach (var signal in new[] { "logs", "traces" })
        {
            Assert.Equal(new[] { "otlp" }, config["service"]!["pipelines"]![signal]!["exporters"]!.AsArray().Select(e => (string?)e));
        }

        Assert.Equal(new[] { "prometheus" }, config["service"]!["pipelines"]!["metrics"]!["exporters"]!.AsArray().Select(e => (string?)e));
    }
}
