using System.Text.Json.Nodes;
using k8s.Models;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Generator;

/// <summary>
/// Autoscaled services: the autoscaler scales the Deployment written beside it, measures the app's
/// container (never a sidecar's), the Deployment leaves the count to it, and the PodDisruptionBudget
/// still lets a drain through at the fewest Pods the autoscaler keeps — each checked against the other
/// objects as read back, not against the writers' own data.
/// </summary>
public sealed class AutoscalingTests
{
    [Theory]
    [MemberData(nameof(AutoscaledServices.Names), MemberType = typeof(AutoscaledServices))]
    public void The_autoscaler_targets_the_deployment_and_measures_only_the_app_container(string name)
    {
        var output = AutoscaledServices.Run(name);
        Assert.Equal("Generated", output.Status);
        var deployment = KubernetesObjects.Deployment(output);
        var (autoscaler, keda) = Autoscaler(output);
        var spec = autoscaler["spec"]!;

        var target = spec["scaleTargetRef"]!;
        Assert.Equal((deployment.ApiVersion, deployment.Kind, deployment.Metadata.Name), ((string)target["apiVersion"]!, (string)target["kind"]!, (string)target["name"]!));
        Assert.Equal(deployment.Metadata.NamespaceProperty, (string?)autoscaler["metadata"]!["namespace"]);

        // The app is the one container that is neither an init container nor a sidecar; every metric names it.
        var app = Assert.Single(deployment.Spec.Template.Spec.Containers, container => container.Ports.Any(port => port.Name == "http")).Name;
        var sidecars = (deployment.Spec.Template.Spec.InitContainers ?? new List<V1Container>()).Select(c => c.Name).ToList();
        var measured = keda
            ? spec["triggers"]!.AsArray().Where(t => (string)t!["type"]! is "cpu" or "memory").Select(t => (string?)t!["metadata"]!["containerName"]).ToList()
            : spec["metrics"]!.AsArray().Select(m => (string?)m!["containerResource"]?["container"]).ToList();
        Assert.NotEmpty(measured);
        if (name == "hpa-k8s-1.26")
        {
            Assert.All(measured, Assert.Null);
            Assert.All(spec["metrics"]!.AsArray(), metric => Assert.Equal("Resource", (string?)metric!["type"]));
        }
        else
        {
            Assert.All(measured, container => Assert.Equal(app, container));
            Assert.DoesNotContain(measured, sidecars.Contains!);
        }

        // Utilization is a share of the request: every measured container requests what is measured.
        var resources = keda
            ? spec["triggers"]!.AsArray().Select(t => (string)t!["type"]!).Where(type => type is "cpu" or "memory")
            : spec["metrics"]!.AsArray().Select(m => (string)(m!["containerResource"] ?? m["resource"])!["name"]!);
        var appContainer = deployment.Spec.Template.Spec.Containers.Single(c => c.Name == app);
        Assert.All(resources, resource => Assert.True(appContainer.Resources.Requests.ContainsKey(resource), $"{app} requests no {resource}"));
    }

    [Theory]
    [MemberData(nameof(AutoscaledServices.Names), MemberType = typeof(AutoscaledServices))]
    public void The_deployment_leaves_the_count_to_the_autoscaler_and_the_disruption_budget_lets_a_drain_through_at_the_minimum(string name)
    {
        var output = AutoscaledServices.Run(name);
        var deployment = KubernetesObjects.Deployment(output);
        Assert.Null(deployment.Spec.Replicas);
        var (autoscaler, keda) = Autoscaler(output);
        var minimum = (int)(long)autoscaler["spec"]![keda ? "minReplicaCount" : "minReplicas"]!;
        var maximum = (int)(long)autoscaler["spec"]![keda ? "maxReplicaCount" : "maxReplicas"]!;
        Assert.InRange(minimum, 1, maximum);

        var budget = KubernetesObjects.Load<V1PodDisruptionBudget>(output["kubernetes/poddisruptionbudget.yaml"]);
        Assert.Equal(deployment.Spec.Selector.MatchLabels, budget.Spec.Selector.MatchLabels);
        // The disruptions allowed with every Pod healthy at the minimum: a drain must be able to evict one.
        var allowed = budget.Spec.MaxUnavailable is { } most ? int.Parse(most.Value) : minimum - int.Parse(budget.Spec.MinAvailable.Value);
        Assert.True(allowed >= 1, $"at {minimum} Pods the PodDisruptionBudget allows {allowed} disruptions");
    }

    [Theory]
    [MemberData(nameof(AutoscaledServices.Names), MemberType = typeof(AutoscaledServices))]
    public void The_kustomization_lists_the_autoscaler(string name)
    {
        var output = AutoscaledServices.Run(name);
        var resources = YamlJson.Parse(output["kubernetes/kustomization.yaml"])["resources"]!.AsArray().Select(r => "kubernetes/" + (string)r!).Order();
        Assert.Equal(output.KubernetesObjects.Select(file => file.Key).Order(), resources);
        Assert.Single(resources, path => path.EndsWith("horizontalpodautoscaler.yaml", StringComparison.Ordinal) || path.EndsWith("scaledobject.yaml", StringComparison.Ordinal));
    }

    /// <summary>The request-rate query selects the counter the first counting sidecar exposes, on a port Prometheus scrapes.</summary>
    [Theory]
    [InlineData("keda", "envoy_http_downstream_rq_total{", "mesh-stats")]
    [InlineData("keda-collector", "http_server_request_duration_seconds_count{", "metrics")]
    [InlineData("keda-istio", "istio_requests_total{", null)]
    [InlineData("keda-linkerd", "request_total{", null)]
    public void The_request_trigger_queries_the_sidecar_that_counts_requests(string name, string series, string? scrapedPort)
    {
        var output = AutoscaledServices.Run(name);
        var trigger = Assert.Single(Autoscaler(output).Object["spec"]!["triggers"]!.AsArray(), t => (string)t!["type"]! == "prometheus")!["metadata"]!;
        Assert.Equal(AutoscaledServices.PrometheusAddress, (string?)trigger["serverAddress"]);
        Assert.StartsWith("sum(rate(" + series, (string)trigger["query"]!);
        Assert.Equal(AutoscaledServices.Cases[name].Properties.ContainsKey("SidecarGenNamespace"), ((string)trigger["query"]!).Contains("namespace=\"shop\"", StringComparison.Ordinal));
        if (scrapedPort is not null)
        {
            // Envoy's and the collector's counters reach Prometheus only from the endpoint the Pod announces (SidecarGenPrometheus=Annotations).
            var template = KubernetesObjects.Deployment(output).Spec.Template;
            var port = template.Spec.InitContainers.SelectMany(c => c.Ports ?? new List<V1ContainerPort>()).Single(p => p.Name == scrapedPort);
            Assert.Equal(port.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture), template.Metadata.Annotations["prometheus.io/port"]);
        }
    }

    [Fact]
    public void Envoy_names_its_inbound_listener_by_the_stat_prefix_the_query_selects()
    {
        var output = AutoscaledServices.Run("keda");
        var envoy = YamlJson.Parse(YamlJson.Parse(output["kubernetes/configmap-service-mesh.yaml"])["data"]!["envoy.yaml"]!.GetValue<string>());
        var inbound = envoy["static_resources"]!["listeners"]!.AsArray().Single(l => (string)l!["name"]! == "inbound")!;
        var prefix = (string)inbound["filter_chains"]![0]!["filters"]![0]!["typed_config"]!["stat_prefix"]!;
        var query = (string)Autoscaler(output).Object["spec"]!["triggers"]!.AsArray().Single(t => (string)t!["type"]! == "prometheus")!["metadata"]!["query"]!;
        Assert.Contains($"envoy_http_conn_manager_prefix=\"{prefix}\"", query);
    }

    [Fact]
    public void The_collector_names_the_service_by_the_label_the_query_selects()
    {
        var output = AutoscaledServices.Run("keda-collector");
        var collector = YamlJson.Parse(YamlJson.Parse(output["kubernetes/configmap-metrics.yaml"])["data"]!["collector.yaml"]!.GetValue<string>());
        Assert.True((bool)collector["exporters"]!["prometheus"]!["resource_to_telemetry_conversion"]!["enabled"]!);
        var app = KubernetesObjects.Deployment(output).Spec.Template.Spec.Containers.Single();
        var serviceName = app.Env.Single(e => e.Name == "OTEL_SERVICE_NAME").Value;
        Assert.Contains($"service_name=\"{serviceName}\"", (string)Autoscaler(output).Object["spec"]!["triggers"]!.AsArray().Single(t => (string)t!["type"]! == "prometheus")!["metadata"]!["query"]!);
    }

    [Fact]
    public void Without_max_replicas_nothing_changes()
    {
        var source = Sources.Program("SidecarService(\"orders\", Replicas = 3)", "LoggingSidecar");
        var output = GeneratorHarness.Run(source, new Dictionary<string, string> { ["SidecarGenAutoscaler"] = "Keda", ["SidecarGenPrometheusAddress"] = AutoscaledServices.PrometheusAddress });
        Assert.Equal(GeneratorHarness.Run(source).Files, output.Files);
        Assert.Equal(3, KubernetesObjects.Deployment(output).Spec.Replicas);
    }

    [Fact]
    public void Hpa_written_explicitly_is_byte_identical_to_the_default()
    {
        var (source, properties) = AutoscaledServices.Cases["hpa"];
        Assert.Equal(GeneratorHarness.Run(source, properties).Files, GeneratorHarness.Run(source, new Dictionary<string, string>(properties) { ["SidecarGenAutoscaler"] = "hpa" }).Files);
    }

    [Fact]
    public void Compose_runs_one_of_each_container_as_without_an_autoscaler()
    {
        var (source, properties) = AutoscaledServices.Cases["hpa"];
        var unscaled = source.Replace("MinReplicas = 2, MaxReplicas = 10, TargetMemoryUtilization = 80", "Replicas = 2", StringComparison.Ordinal);
        Assert.NotEqual(source, unscaled);
        Assert.Equal(GeneratorHarness.Run(unscaled, properties)["compose/compose.yaml"], GeneratorHarness.Run(source, properties)["compose/compose.yaml"]);
    }

    [Theory]
    [InlineData("MaxReplicas = -1")]
    [InlineData("MaxReplicas = 4, MinReplicas = 5")]
    [InlineData("MaxReplicas = 1")]
    [InlineData("MaxReplicas = 4, Replicas = 0")]
    [InlineData("MaxReplicas = 4, TargetCpuUtilization = 0")]
    [InlineData("MaxReplicas = 4, TargetMemoryUtilization = 101")]
    [InlineData("MaxReplicas = 4, CpuRequest = \"0\"")]
    public void Bounds_or_targets_that_cannot_work_write_nothing(string arguments) =>
        Assert.Equal("Blocked", GeneratorHarness.Run(Sources.Program($"SidecarService(\"orders\", {arguments})")).Status);

    [Theory]
    [InlineData("SidecarGenAutoscaler", "Kubernetes")]
    [InlineData("SidecarGenPrometheusAddress", "prometheus:9090")]
    public void A_bad_setting_writes_nothing(string property, string value) =>
        Assert.Equal("Blocked", GeneratorHarness.Run(Sources.Program("SidecarService(\"orders\", MaxReplicas = 4)"), new Dictionary<string, string> { [property] = value }).Status);

    private static (JsonNode Object, bool Keda) Autoscaler(GeneratedOutput output)
    {
        var file = Assert.Single(output.KubernetesObjects, f => f.Key.EndsWith("horizontalpodautoscaler.yaml", StringComparison.Ordinal) || f.Key.EndsWith("scaledobject.yaml", StringComparison.Ordinal));
        var keda = file.Key.EndsWith("scaledobject.yaml", StringComparison.Ordinal);
        if (!keda)
        {
            // Read back strictly by KubernetesClient's own type: an unknown field fails.
            KubernetesObjects.Load<V2HorizontalPodAutoscaler>(file.Value);
        }

        return (YamlJson.Parse(file.Value), keda);
    }
}
