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
        var pipeline = config["service"]!["pipelines"]!["metrics"]!;
        foreach (var (section, key) in new[] { ("receivers", "receivers"), ("processors", "processors"), ("exporters", "exporters") })
        {
            Assert.All(pipeline[key]!.AsArray(), component => Assert.NotNull(config[section]![(string)component!]));
        }

        Assert.All(config["service"]!["extensions"]!.AsArray(), extension => Assert.NotNull(config["extensions"]![(string)extension!]));
        Assert.Equal("memory_limiter", (string?)pipeline["processors"]![0]);

        var collector = KubernetesObjects.Deployment(output).Spec.Template.Spec.InitContainers.Single();
        Assert.Equal(new[] { "--config=/etc/sidecargen/metrics/collector.yaml" }, collector.Args);
        Assert.Equal(13133, collector.Ports.Single(p => p.Name == (string)collector.ReadinessProbe.HttpGet.Port.Value).ContainerPort);
        Assert.Equal("http://localhost:4320", KubernetesObjects.Deployment(output).Spec.Template.Spec.Containers[0].Env.Single(e => e.Name == "OTEL_EXPORTER_OTLP_ENDPOINT").Value);
    }
}
