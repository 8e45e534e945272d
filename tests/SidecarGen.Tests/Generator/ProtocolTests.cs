using System.Text.Json.Nodes;
using k8s.Models;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Generator;

/// <summary>
/// How the app is probed and reached for each <c>Protocol</c> and with a <c>LivenessPath</c> apart from
/// <c>HealthPath</c> (docs/probes-and-protocols.md): every Kubernetes object read back strictly, every
/// Compose file checked against the Compose schema.
/// </summary>
public sealed class ProtocolTests
{
    public static string Greeter(string protocol, params string[] sidecars) => SidecarDeclarations.Service(sidecars)
        .Replace("Port = 8080,", $"Port = 8080, Protocol = ServiceProtocol.{protocol},", StringComparison.Ordinal);

    private static string Liveness(params string[] sidecars) => SidecarDeclarations.Service(sidecars)
        .Replace("Port = 8080,", "Port = 8080, HealthPath = \"/health\", LivenessPath = \"/alive\",", StringComparison.Ordinal);

    private static V1Container App(GeneratedOutput output) => KubernetesObjects.Deployment(output).Spec.Template.Spec.Container("payment-service");

    private static JsonNode ComposeService(GeneratedOutput output, string service)
    {
        ComposeSchema.AssertValid(output["compose/compose.yaml"]);
        return YamlJson.Parse(output["compose/compose.yaml"])["services"]![service]!;
    }

    [Fact]
    public void Startup_and_liveness_ask_the_liveness_path_readiness_and_compose_the_health_path()
    {
        var output = GeneratorHarness.Run(Liveness());
        var app = App(output);
        Assert.Equal("/alive", app.StartupProbe.HttpGet.Path);
        Assert.Equal("/alive", app.LivenessProbe.HttpGet.Path);
        Assert.Equal("/health", app.ReadinessProbe.HttpGet.Path);
        Assert.All(new[] { app.StartupProbe, app.ReadinessProbe, app.LivenessProbe }, probe => Assert.Equal(5, probe.TimeoutSeconds));

        // Compose has one health check, the one others wait for: readiness, with the probes' timeout.
        var healthcheck = ComposeService(output, "payment-service")["healthcheck"]!;
        Assert.EndsWith(":8080/health", ComposeLifecycle.Strings(healthcheck["test"]).Last());
        Assert.Equal("5s", (string?)healthcheck["timeout"]);
    }

    [Fact]
    public void Behind_an_entry_sidecar_the_probes_from_inside_the_container_ask_their_own_paths()
    {
        var app = App(GeneratorHarness.Run(Liveness(SidecarDeclarations.Each["auth-proxy"])));
        Assert.EndsWith("127.0.0.1:8080/alive", app.StartupProbe.Exec.Command.Last());
        Assert.EndsWith("127.0.0.1:8080/alive", app.LivenessProbe.Exec.Command.Last());
        Assert.EndsWith("127.0.0.1:8080/health", app.ReadinessProbe.Exec.Command.Last());
    }

    [Fact]
    public void Without_a_liveness_path_every_probe_asks_the_health_path()
    {
        var app = App(GeneratorHarness.Run(SidecarDeclarations.Service()));
        Assert.All(new[] { app.StartupProbe, app.ReadinessProbe, app.LivenessProbe }, probe => Assert.Equal("/healthz", probe.HttpGet.Path));
    }

    [Theory]
    [InlineData("1.33")]
    [InlineData("1.24")]
    public void A_grpc_app_gets_the_kubelets_grpc_probe_on_its_port_number(string kubernetesVersion)
    {
        var output = GeneratorHarness.Run(Greeter("Grpc"), new Dictionary<string, string> { ["SidecarGenKubernetesVersion"] = kubernetesVersion });
        var app = App(output);
        Assert.All(new[] { app.StartupProbe, app.ReadinessProbe, app.LivenessProbe }, probe =>
        {
            Assert.Equal(8080, probe.Grpc.Port);
            Assert.Null(probe.HttpGet);
        });
        Assert.Equal("kubernetes.io/h2c", KubernetesObjects.Load<V1Service>(output["kubernetes/service.yaml"]).Spec.Ports.Single().AppProtocol);
    }

    [Theory]
    [InlineData("Grpc", "1.23")]
    [InlineData("Http2", "1.33")]
    public void Where_no_probe_speaks_the_protocol_the_kubelet_connects(string protocol, string kubernetesVersion)
    {
        var output = GeneratorHarness.Run(Greeter(protocol), new Dictionary<string, string> { ["SidecarGenKubernetesVersion"] = kubernetesVersion });
        var app = App(output);
        Assert.All(new[] { app.StartupProbe, app.ReadinessProbe, app.LivenessProbe }, probe =>
        {
            Assert.Equal("http", probe.TcpSocket.Port.Value);
            Assert.Null(probe.Grpc);
        });
        Assert.Equal("kubernetes.io/h2c", KubernetesObjects.Load<V1Service>(output["kubernetes/service.yaml"]).Spec.Ports.Single().AppProtocol);
    }

    [Theory]
    [InlineData("Http2")]
    [InlineData("Grpc")]
    public void Compose_checks_a_listening_socket_where_no_client_speaks_http2(string protocol)
    {
        var test = ComposeLifecycle.Strings(ComposeService(GeneratorHarness.Run(Greeter(protocol)), "payment-service")["healthcheck"]!["test"]).ToList();
        Assert.Equal(new[] { "CMD", ComposeLifecycle.Tools, "grep", "-qsE", "^ *[0-9]+: [0-9A-F]+:1F90 [0-9A-F]+:0000 0A ", "/proc/net/tcp", "/proc/net/tcp6" }, test);
    }

    [Fact]
    public void Behind_tls_termination_and_envoy_a_grpc_app_is_checked_from_inside_and_every_hop_speaks_http2()
    {
        var output = GeneratorHarness.Run(Greeter("Grpc", "TlsTerminationSidecar", "ServiceMeshSidecar"));
        var app = App(output);
        Assert.All(new[] { app.StartupProbe, app.ReadinessProbe, app.LivenessProbe }, probe =>
            Assert.Equal(new[] { "/sidecargen/busybox", "grep", "-qsE", "^ *[0-9]+: [0-9A-F]+:1F90 [0-9A-F]+:0000 0A ", "/proc/net/tcp", "/proc/net/tcp6" }, probe.Exec.Command));

        var nginx = output["compose/config/payment-service-tls-termination/nginx.conf"];
        Assert.Contains("http2 on;", nginx);
        Assert.Contains("grpc_pass grpc://127.0.0.1:8080;", nginx);
        Assert.DoesNotContain("proxy_pass", nginx);

        var envoy = YamlJson.Parse(output["compose/config/payment-service-service-mesh/envoy.yaml"]);
        var clusters = envoy["static_resources"]!["clusters"]!.AsArray();
        var toNginx = clusters.Single(cluster => (string?)cluster!["name"] == "app")!;
        Assert.NotNull(toNginx["typed_extension_protocol_options"]!["envoy.extensions.upstreams.http.v3.HttpProtocolOptions"]!["explicit_http_config"]!["http2_protocol_options"]);
        Assert.Equal("h2", (string?)toNginx["transport_socket"]!["typed_config"]!["common_tls_context"]!["alpn_protocols"]![0]);
        var inbound = envoy["static_resources"]!["listeners"]!.AsArray().Single(listener => (string?)listener!["name"] == "inbound")!;
        Assert.Equal(new[] { "h2", "http/1.1" }, inbound["filter_chains"]![0]!["transport_socket"]!["typed_config"]!["common_tls_context"]!["alpn_protocols"]!.AsArray().Select(item => (string?)item));

        // Other clusters (the upstreams the app calls) keep HTTP/1.1: what they speak is theirs.
        Assert.All(clusters.Where(cluster => (string?)cluster!["name"] != "app"), cluster => Assert.Null(cluster!["typed_extension_protocol_options"]));
    }

    [Fact]
    public void Envoy_alone_speaks_cleartext_http2_to_an_http2_app()
    {
        var output = GeneratorHarness.Run(Greeter("Http2", "ServiceMeshSidecar(Mtls = false)"));
        var envoy = YamlJson.Parse(output["compose/config/payment-service-service-mesh/envoy.yaml"]);
        var app = envoy["static_resources"]!["clusters"]!.AsArray().Single(cluster => (string?)cluster!["name"] == "app")!;
        Assert.NotNull(app["typed_extension_protocol_options"]!["envoy.extensions.upstreams.http.v3.HttpProtocolOptions"]!["explicit_http_config"]!["http2_protocol_options"]);
        Assert.Null(app["transport_socket"]);
    }

    [Theory]
    [InlineData("istio")]
    [InlineData("linkerd")]
    public void An_injected_mesh_is_told_the_app_speaks_http2(string mesh)
    {
        var output = GeneratorHarness.Run(Greeter("Grpc", SidecarDeclarations.Meshes[mesh]));
        Assert.Equal("kubernetes.io/h2c", KubernetesObjects.Load<V1Service>(output["kubernetes/service.yaml"]).Spec.Ports.Single().AppProtocol);
    }

    [Fact]
    public void Http_output_keeps_no_app_protocol_where_it_had_none()
    {
        var output = GeneratorHarness.Run(SidecarDeclarations.Service());
        Assert.Null(KubernetesObjects.Load<V1Service>(output["kubernetes/service.yaml"]).Spec.Ports.Single().AppProtocol);
    }
}
