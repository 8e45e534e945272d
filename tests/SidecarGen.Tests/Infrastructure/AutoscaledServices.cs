namespace SidecarGen.Tests.Infrastructure;

/// <summary>
/// Autoscaled services, one case per autoscaler and request counter: the source and MSBuild properties of
/// each. <c>hpa</c> and <c>keda</c> are the representative ones (every file snapshotted).
/// </summary>
internal static class AutoscaledServices
{
    public const string Namespace = "shop";
    public const string PrometheusAddress = "http://prometheus-operated.monitoring.svc:9090";

    public static readonly IReadOnlyDictionary<string, (string Source, Dictionary<string, string> Properties)> Cases =
        new Dictionary<string, (string, Dictionary<string, string>)>
        {
            // Memory as a second target; our own Envoy and two more sidecars share the Pod.
            ["hpa"] = (
                Sources.Program(
                    "SidecarService(\"orders\", Image = \"registry.example.com/orders:1.0.0\", MinReplicas = 2, MaxReplicas = 10, TargetMemoryUtilization = 80)",
                    "LoggingSidecar",
                    "MetricsSidecar",
                    "ServiceMeshSidecar"),
                new() { ["SidecarGenNamespace"] = Namespace }),

            // Replicas is the minimum; requests per Pod counted by our Envoy's inbound listener.
            ["keda"] = (
                Sources.Program(
                    "SidecarService(\"orders\", Image = \"registry.example.com/orders:1.0.0\", Replicas = 3, MaxReplicas = 12, TargetCpuUtilization = 60, TargetRequestsPerSecond = 50)",
                    "ServiceMeshSidecar",
                    "MetricsSidecar"),
                Keda(Namespace)),

            // Counted by the OpenTelemetry Collector's Prometheus exporter from the app's own metrics; no namespace set.
            ["keda-collector"] = (
                Sources.Program("SidecarService(\"orders\", MaxReplicas = 6, TargetRequestsPerSecond = 20)", "MetricsSidecar"),
                Keda(null)),

            ["keda-istio"] = (
                Sources.Program("SidecarService(\"orders\", MaxReplicas = 6, TargetRequestsPerSecond = 20)", "ServiceMeshSidecar(Mesh = MeshProvider.Istio)"),
                Keda(Namespace)),

            ["keda-linkerd"] = (
                Sources.Program("SidecarService(\"orders\", MaxReplicas = 6, TargetRequestsPerSecond = 20)", "ServiceMeshSidecar(Mesh = MeshProvider.Linkerd, CpuRequest = \"100m\")"),
                Keda(Namespace)),

            // Before ContainerResource metrics were on by default: the whole Pod is measured (SCG0037).
            ["hpa-k8s-1.26"] = (
                Sources.Program("SidecarService(\"orders\", Replicas = 1, MaxReplicas = 4)", "LoggingSidecar"),
                new() { ["SidecarGenKubernetesVersion"] = "1.26" }),
        };

    public static TheoryData<string> Names => new(Cases.Keys);

    public static GeneratedOutput Run(string name) => GeneratorHarness.Run(Cases[name].Source, Cases[name].Properties);

    private static Dictionary<string, string> Keda(string? @namespace)
    {
        var properties = new Dictionary<string, string> { ["SidecarGenAutoscaler"] = "Keda", ["SidecarGenPrometheusAddress"] = PrometheusAddress };
        if (@namespace is not null)
        {
            properties["SidecarGenNamespace"] = @namespace;
        }

        return properties;
    }
}
