using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SidecarGen.Diagnostics.Analyzers;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Analyzers;

public sealed class ClusterAddOnAnalyzerTests
{
    private const string Service = """
        using SidecarGen;
        [SidecarService("orders", Host = "orders.example.com")]
        [MetricsSidecar]
        [AuthProxySidecar(IssuerUrl = "https://login.example.com/realms/shop")]
        public partial class Program { }
        """;

    [Fact]
    public Task Valid_settings_and_values_report_nothing() => Verify<ClusterAddOnAnalyzer>.Analyzer(
        """
        using SidecarGen;
        [SidecarService("orders", Host = "orders.example.com")]
        [MetricsSidecar]
        [AuthProxySidecar(IssuerUrl = "https://login.example.com/realms/shop")]
        [ServiceMeshSidecar(Mtls = false)]
        [TlsTerminationSidecar(CertificateIssuer = "Issuer/cluster-ca")]
        public partial class Program { }
        """,
        ("SidecarGenPrometheus", "ServiceMonitor"),
        ("SidecarGenGateway", "gateway-system/public"),
        ("SidecarGenSecretStore", "ClusterSecretStore/vault"),
        ("SidecarGenAutoscaler", "keda"),
        ("SidecarGenPrometheusAddress", "https://prometheus.example.com"));

    [Theory]
    [InlineData("SidecarGenPrometheus", "Prometheus", "SidecarGenPrometheus 'Prometheus' is not Annotations, PodMonitor or ServiceMonitor")]
    [InlineData("SidecarGenGateway", "public", "SidecarGenGateway 'public' is not <namespace>/<gateway> (a namespace, a slash and the Gateway's name, e.g. gateway-system/public)")]
    [InlineData("SidecarGenGateway", "/public", "SidecarGenGateway '/public' is not <namespace>/<gateway> (a namespace, a slash and the Gateway's name, e.g. gateway-system/public)")]
    [InlineData("SidecarGenIngressClass", "Nginx", "SidecarGenIngressClass 'Nginx' is not the name of an IngressClass (a lowercase DNS name)")]
    [InlineData("SidecarGenIngressNamespace", "ingress.nginx", "SidecarGenIngressNamespace 'ingress.nginx' is not a namespace name (a lowercase DNS label)")]
    [InlineData("SidecarGenSecretStore", "vault", "SidecarGenSecretStore 'vault' is not ClusterSecretStore/<name> or SecretStore/<name>")]
    [InlineData("SidecarGenSecretStore", "clustersecretstore/vault", "SidecarGenSecretStore 'clustersecretstore/vault' is not ClusterSecretStore/<name> or SecretStore/<name>")]
    [InlineData("SidecarGenAutoscaler", "Kubernetes", "SidecarGenAutoscaler 'Kubernetes' is not Hpa or Keda")]
    [InlineData("SidecarGenPrometheusAddress", "prometheus:9090", "SidecarGenPrometheusAddress 'prometheus:9090' is not an absolute http(s) URL of a Prometheus server (e.g. http://prometheus-operated.monitoring.svc:9090)")]
    public Task SCG0023_a_bad_msbuild_property_is_a_build_error_without_a_location(string property, string value, string message) =>
        Verify<ClusterAddOnAnalyzer>.Analyzer(
            Service,
            new[] { new DiagnosticResult("SCG0023", DiagnosticSeverity.Error).WithNoLocation().WithArguments(message) },
            (property, value));

    [Theory]
    [InlineData("https://orders.example.com")]
    [InlineData("Orders.Example.com")]
    [InlineData("orders.example.com:443")]
    [InlineData("10.1.2.3")]
    [InlineData("orders..example.com")]
    public Task SCG0024_a_host_that_is_not_a_dns_name_is_flagged_at_the_argument(string host) => Verify<ClusterAddOnAnalyzer>.Analyzer(
        $$"""
        using SidecarGen;
        [SidecarService("orders", {|SCG0024:Host = "{{host}}"|})]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0025_an_issuer_reference_that_names_no_issuer_is_flagged_at_the_argument() => Verify<ClusterAddOnAnalyzer>.Analyzer(
        """
        using SidecarGen;
        [TlsTerminationSidecar({|SCG0025:CertificateIssuer = "ClusterIssuers/letsencrypt"|})]
        [ServiceMeshSidecar({|SCG0025:CertificateIssuer = "Issuer/Lets Encrypt"|})]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0025_a_cluster_issuer_written_out_is_accepted() => Verify<ClusterAddOnAnalyzer>.Analyzer(
        """
        using SidecarGen;
        [TlsTerminationSidecar(CertificateIssuer = "ClusterIssuer/cluster-ca")]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0026_a_monitor_without_a_metrics_sidecar() => Verify<ClusterAddOnAnalyzer>.Analyzer(
        """
        using SidecarGen;
        [LoggingSidecar]
        public partial class Program { }
        """,
        new[] { new DiagnosticResult("SCG0026", DiagnosticSeverity.Warning).WithNoLocation().WithArguments("SidecarGenPrometheus PodMonitor has no effect: no sidecar serves metrics (add [MetricsSidecar] or [ServiceMeshSidecar])") },
        ("SidecarGenPrometheus", "PodMonitor"));

    [Fact]
    public Task SCG0026_routing_settings_without_a_host() => Verify<ClusterAddOnAnalyzer>.Analyzer(
        """
        using SidecarGen;
        [SidecarService("orders")]
        public partial class Program { }
        """,
        new[] { new DiagnosticResult("SCG0026", DiagnosticSeverity.Warning).WithNoLocation().WithArguments("SidecarGenGateway, SidecarGenIngressClass and SidecarGenIngressNamespace route the service's Host; without [SidecarService(Host = ...)] no route is written") },
        ("SidecarGenIngressClass", "nginx"));

    [Fact]
    public Task SCG0026_a_secret_store_for_a_service_that_reads_no_secret() => Verify<ClusterAddOnAnalyzer>.Analyzer(
        """
        using SidecarGen;
        [TlsTerminationSidecar(CertificateIssuer = "cluster-ca")]
        public partial class Program { }
        """,
        new[] { new DiagnosticResult("SCG0026", DiagnosticSeverity.Warning).WithNoLocation().WithArguments("SidecarGenSecretStore has no effect: the service reads no Secret that SidecarGen does not already have written by cert-manager") },
        ("SidecarGenSecretStore", "SecretStore/vault"));

    [Theory]
    [InlineData("TlsTerminationSidecar")]
    [InlineData("ServiceMeshSidecar")]
    public Task SCG0026_a_host_routed_to_a_tls_entry(string entry) => Verify<ClusterAddOnAnalyzer>.Analyzer(
        $$"""
        using SidecarGen;
        [SidecarService("orders", {|SCG0026:Host = "orders.example.com"|})]
        [{{entry}}]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0026_an_issuer_on_a_mesh_without_mtls_and_no_warning_for_a_host_behind_a_plain_mesh() => Verify<ClusterAddOnAnalyzer>.Analyzer(
        """
        using SidecarGen;
        [SidecarService("orders", Host = "orders.example.com")]
        [TlsTerminationSidecar]
        [ServiceMeshSidecar(Mtls = false, {|SCG0026:CertificateIssuer = "mesh-ca"|})]
        public partial class Program { }
        """);

    [Theory]
    [InlineData("TlsTerminationSidecar", "letsencrypt")]
    [InlineData("TlsTerminationSidecar", "Issuer/letsencrypt-staging")]
    [InlineData("TlsTerminationSidecar", "ClusterIssuer/zerossl-prod")]
    [InlineData("ServiceMeshSidecar", "buypass")]
    public Task SCG0041_an_acme_issuer_for_the_in_cluster_certificate_is_flagged_at_the_argument(string sidecar, string issuer) => Verify<ClusterAddOnAnalyzer>.Analyzer(
        $$"""
        using SidecarGen;
        [SidecarService("orders")]
        [{{sidecar}}({|SCG0041:CertificateIssuer = "{{issuer}}"|})]
        public partial class Program { }
        """);

    /// <summary>A name that is not a known ACME CA's says nothing about the issuer's kind: silent, as is an invalid one (SCG0025 alone).</summary>
    [Theory]
    [InlineData("cluster-ca")]
    [InlineData("Issuer/acme-corp-ca")]
    [InlineData("vault-issuer")]
    public Task SCG0041_is_silent_for_an_issuer_it_cannot_place(string issuer) => Verify<ClusterAddOnAnalyzer>.Analyzer(
        $$"""
        using SidecarGen;
        [SidecarService("orders")]
        [TlsTerminationSidecar(CertificateIssuer = "{{issuer}}")]
        public partial class Program { }
        """);
}
