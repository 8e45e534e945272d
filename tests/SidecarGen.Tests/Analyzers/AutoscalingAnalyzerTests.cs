using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SidecarGen.Diagnostics.Analyzers;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Analyzers;

public sealed class AutoscalingAnalyzerTests
{
    private const string Keda = "Keda";
    private const string Prometheus = "http://prometheus-operated.monitoring.svc:9090";

    [Fact]
    public Task A_service_that_is_not_autoscaled_reports_nothing() => Verify<AutoscalingAnalyzer>.Analyzer(
        """
        using SidecarGen;
        [SidecarService("orders", Replicas = 3)]
        [LoggingSidecar]
        public partial class Program { }
        """,
        ("SidecarGenKubernetesVersion", "1.26"));

    [Fact]
    public Task Valid_bounds_and_targets_report_nothing() => Verify<AutoscalingAnalyzer>.Analyzer(
        """
        using SidecarGen;
        [SidecarService("orders", MinReplicas = 1, MaxReplicas = 1, TargetCpuUtilization = 100, TargetMemoryUtilization = 1)]
        [LoggingSidecar]
        public partial class Program { }
        """);

    [Fact]
    public Task Replicas_alone_is_the_minimum_and_reports_nothing() => Verify<AutoscalingAnalyzer>.Analyzer(
        """
        using SidecarGen;
        [SidecarService("orders", Replicas = 3, MaxReplicas = 3)]
        public partial class Program { }
        """);

    [Fact]
    public Task A_request_target_with_keda_a_prometheus_server_and_a_counting_sidecar_reports_nothing() => Verify<AutoscalingAnalyzer>.Analyzer(
        """
        using SidecarGen;
        [SidecarService("orders", MaxReplicas = 8, TargetRequestsPerSecond = 40)]
        [ServiceMeshSidecar(Mesh = MeshProvider.Linkerd)]
        public partial class Program { }
        """,
        ("SidecarGenAutoscaler", Keda),
        ("SidecarGenPrometheusAddress", Prometheus));

    [Fact]
    public Task SCG0036_bounds_and_targets_out_of_range_are_flagged_at_their_arguments() => Verify<AutoscalingAnalyzer>.Analyzer(
        """
        using SidecarGen;
        [SidecarService("orders", {|SCG0036:MinReplicas = 5|}, MaxReplicas = 4, {|SCG0036:TargetCpuUtilization = 0|}, {|SCG0036:TargetMemoryUtilization = 101|}, {|SCG0036:TargetRequestsPerSecond = -1|})]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0036_a_negative_maximum() => Verify<AutoscalingAnalyzer>.Analyzer(
        """
        using SidecarGen;
        [SidecarService("orders", {|SCG0036:MaxReplicas = -1|})]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0036_a_minimum_from_replicas_is_flagged_at_replicas_and_says_where_it_comes_from() => Verify<AutoscalingAnalyzer>.Analyzer(
        """
        using SidecarGen;
        [SidecarService("orders", {|#0:Replicas = 0|}, MaxReplicas = 4)]
        public partial class Program { }
        """,
        new[]
        {
            new DiagnosticResult("SCG0036", DiagnosticSeverity.Error).WithLocation(0).WithArguments(
                "MinReplicas 0 (the Replicas it defaults to) must be 1 or more: a HorizontalPodAutoscaler does not scale to zero (the HPAScaleToZero feature gate is alpha), nor can KEDA's cpu and memory triggers scale back from zero"),
        });

    [Fact]
    public Task SCG0036_the_default_minimum_above_the_maximum_is_flagged_at_the_maximum() => Verify<AutoscalingAnalyzer>.Analyzer(
        """
        using SidecarGen;
        [SidecarService("orders", {|#0:MaxReplicas = 1|})]
        public partial class Program { }
        """,
        new[] { new DiagnosticResult("SCG0036", DiagnosticSeverity.Error).WithLocation(0).WithArguments("MinReplicas 2 (the Replicas it defaults to) exceeds MaxReplicas 1") });

    [Fact]
    public Task SCG0037_before_kubernetes_1_27_the_whole_pod_is_measured() => Verify<AutoscalingAnalyzer>.Analyzer(
        """
        using SidecarGen;
        [SidecarService("orders", {|#0:MaxReplicas = 4|})]
        [LoggingSidecar]
        public partial class Program { }
        """,
        new[]
        {
            new DiagnosticResult("SCG0037", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(
                "SidecarGenKubernetesVersion 1.26 cannot measure one container (ContainerResource metrics are on by default from Kubernetes 1.27): the autoscaler averages the whole Pod, sidecars included, so lightly loaded sidecars hide a busy app and it scales out later than TargetCpuUtilization says"),
        },
        ("SidecarGenKubernetesVersion", "1.26"));

    [Fact]
    public Task SCG0037_names_an_injected_proxy_without_a_cpu_request() => Verify<AutoscalingAnalyzer>.Analyzer(
        """
        using SidecarGen;
        [SidecarService("orders", {|#0:MaxReplicas = 4|})]
        [ServiceMeshSidecar(Mesh = MeshProvider.Linkerd)]
        public partial class Program { }
        """,
        new[]
        {
            new DiagnosticResult("SCG0037", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(
                "SidecarGenKubernetesVersion 1.26 cannot measure one container (ContainerResource metrics are on by default from Kubernetes 1.27): the autoscaler averages the whole Pod, sidecars included, so lightly loaded sidecars hide a busy app and it scales out later than TargetCpuUtilization says; and every container needs a CPU request, so give the injected 'linkerd-proxy' one (CpuRequest on [ServiceMeshSidecar]) unless the mesh sets it"),
        },
        ("SidecarGenKubernetesVersion", "1.26"));

    [Theory]
    [InlineData("1.27")]
    [InlineData("1.33")]
    public Task SCG0037_is_silent_from_1_27_and_without_sidecars(string version) => Verify<AutoscalingAnalyzer>.Analyzer(
        version == "1.27"
            ? """
              using SidecarGen;
              [SidecarService("orders", MaxReplicas = 4)]
              [LoggingSidecar]
              public partial class Program { }
              """
            : """
              using SidecarGen;
              [SidecarService("orders", MaxReplicas = 4)]
              public partial class Program { }
              """,
        ("SidecarGenKubernetesVersion", version == "1.27" ? version : "1.26"));

    [Fact]
    public Task SCG0038_autoscaling_settings_without_max_replicas() => Verify<AutoscalingAnalyzer>.Analyzer(
        """
        using SidecarGen;
        [SidecarService("orders", {|SCG0038:MinReplicas = 2|}, {|SCG0038:TargetCpuUtilization = 70|}, {|SCG0038:TargetMemoryUtilization = 80|}, {|SCG0038:TargetRequestsPerSecond = 10|})]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0038_replicas_beside_min_replicas() => Verify<AutoscalingAnalyzer>.Analyzer(
        """
        using SidecarGen;
        [SidecarService("orders", {|#0:Replicas = 3|}, MinReplicas = 2, MaxReplicas = 6)]
        public partial class Program { }
        """,
        new[] { new DiagnosticResult("SCG0038", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Replicas has no effect with MaxReplicas: the autoscaler keeps between MinReplicas (2) and MaxReplicas (6) Pods, and the Deployment carries no replicas") });

    [Fact]
    public Task SCG0038_a_request_target_with_a_horizontal_pod_autoscaler() => Verify<AutoscalingAnalyzer>.Analyzer(
        """
        using SidecarGen;
        [SidecarService("orders", MaxReplicas = 6, {|SCG0038:TargetRequestsPerSecond = 10|})]
        [MetricsSidecar]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0038_a_request_target_without_a_prometheus_server() => Verify<AutoscalingAnalyzer>.Analyzer(
        """
        using SidecarGen;
        [SidecarService("orders", MaxReplicas = 6, {|#0:TargetRequestsPerSecond = 10|})]
        [MetricsSidecar]
        public partial class Program { }
        """,
        new[] { new DiagnosticResult("SCG0038", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("TargetRequestsPerSecond has no effect without SidecarGenPrometheusAddress, the Prometheus server KEDA reads the request rate from") },
        ("SidecarGenAutoscaler", Keda));

    [Fact]
    public Task SCG0038_a_request_target_without_a_sidecar_that_counts_requests() => Verify<AutoscalingAnalyzer>.Analyzer(
        """
        using SidecarGen;
        [SidecarService("orders", MaxReplicas = 6, {|#0:TargetRequestsPerSecond = 10|})]
        [LoggingSidecar]
        public partial class Program { }
        """,
        new[] { new DiagnosticResult("SCG0038", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("TargetRequestsPerSecond has no effect: no sidecar counts the requests coming in (add [ServiceMeshSidecar] or [MetricsSidecar])") },
        ("SidecarGenAutoscaler", Keda),
        ("SidecarGenPrometheusAddress", Prometheus));
}
