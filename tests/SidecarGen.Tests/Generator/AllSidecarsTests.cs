using k8s.Models;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Generator;

/// <summary>Every sidecar kind alone, and all of them (plus a custom one) in one Pod, in both outputs.</summary>
public sealed class AllSidecarsTests
{
    private static readonly GeneratedOutput All = GeneratorHarness.Run(SidecarDeclarations.All());

    public static TheoryData<string> Kinds => new(SidecarDeclarations.Each.Keys);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_sidecar_alone_reads_back_validates_and_is_restricted(string kind)
    {
        var output = GeneratorHarness.Run(SidecarDeclarations.Service(SidecarDeclarations.Each[kind]));
        AssertValid(output);
        var pod = KubernetesObjects.Deployment(output).Spec.Template.Spec;
        Assert.Equal(new[] { kind }, pod.NativeSidecars().Select(c => c.Name));
        Assert.All(pod.InitContainers, c => Assert.True(c.Name == kind || pod.IsOneShot(c), c.Name));
        Assert.Equal(new[] { "payment-service-" + kind }, ComposeLifecycle.AssertMirrorsThePod(output["compose/compose.yaml"], "payment-service"));
    }

    [Fact]
    public void All_sidecars_together_read_back_validate_and_are_restricted()
    {
        AssertValid(All);
        var pod = KubernetesObjects.Deployment(All).Spec.Template.Spec;
        Assert.Equal(SidecarDeclarations.Each.Keys, pod.NativeSidecars().Select(c => c.Name));

        // A ConfigMap for each sidecar that mounts one, and no other.
        var configured = pod.NativeSidecars()
            .Where(c => (c.VolumeMounts ?? new List<V1VolumeMount>()).Any(m => pod.Volumes.Single(v => v.Name == m.Name).ConfigMap is not null))
            .Select(c => c.Name)
            .Order()
            .ToList();
        Assert.NotEmpty(configured);
        Assert.Equal(configured, All.Files.Keys.Where(k => k.StartsWith("kubernetes/configmap-", StringComparison.Ordinal)).Select(k => k["kubernetes/configmap-".Length..^".yaml".Length]).Order());
    }

    [Fact]
    public void Inbound_goes_mesh_then_tls_then_auth_proxy_then_app()
    {
        var pod = KubernetesObjects.Deployment(All).Spec.Template.Spec;
        var service = KubernetesObjects.Load<V1Service>(All["kubernetes/service.yaml"]);

        Assert.Equal(("service-mesh", 15001), pod.ResolvePort(service.Spec.Ports.Single().TargetPort.Value));
        var envoy = YamlJson.Parse(All["compose/config/payment-service-service-mesh/envoy.yaml"]);
        var appCluster = envoy["static_resources"]!["clusters"]!.AsArray().Single(c => (string?)c!["name"] == "app")!;
        Assert.Equal(8443, (long)appCluster["load_assignment"]!["endpoints"]![0]!["lb_endpoints"]![0]!["endpoint"]!["address"]!["socket_address"]!["port_value"]!);
        Assert.Equal("envoy.transport_sockets.tls", (string?)appCluster["transport_socket"]!["name"]);
        Assert.Contains("proxy_pass http://127.0.0.1:4180;", All["compose/config/payment-service-tls-termination/nginx.conf"]);
        Assert.Contains("--upstream=http://127.0.0.1:8080/", pod.Container("auth-proxy").Args);

        var published = YamlJson.Parse(All["compose/compose.yaml"])["services"]!["payment-service-pod"]!["ports"]![0]!;
        Assert.Equal(15001, (long)published["target"]!);
        var policy = KubernetesObjects.Load<V1NetworkPolicy>(All["kubernetes/networkpolicy.yaml"]);
        Assert.DoesNotContain(policy.Spec.Ingress.Single().Ports, p => p.Port.Value is "8080" or "4180" or "8443");
    }

    [Fact]
    public void The_app_is_told_where_its_sidecars_are()
    {
        var app = KubernetesObjects.Deployment(All).Spec.Template.Spec.Container("payment-service");
        var env = app.Env.ToDictionary(e => e.Name, e => e.Value);

        Assert.Equal("http://localhost:4317", env["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("payment-service", env["OTEL_SERVICE_NAME"]);

        // Behind the TLS terminator and the auth proxy, once (ToDictionary would throw on a second): ASP.NET Core trusts their X-Forwarded-Proto.
        Assert.Equal("true", env["ASPNETCORE_FORWARDEDHEADERS_ENABLED"]);
        Assert.Equal("http://127.0.0.1:15100", env["SIDECARGEN_UPSTREAM_LEDGER"]);
        Assert.Equal("http://127.0.0.1:15101", env["SIDECARGEN_UPSTREAM_FX"]);
        Assert.Contains(app.VolumeMounts, m => m.MountPath == "/etc/app/config" && m.ReadOnlyProperty == true);
        Assert.Contains(app.VolumeMounts, m => m.MountPath == "/var/log/app" && m.ReadOnlyProperty != true);
    }

    [Theory]
    [InlineData("MetricsSidecar", false)]
    [InlineData("LoggingSidecar", false)]
    [InlineData("TlsTerminationSidecar", true)]
    [InlineData("AuthProxySidecar(IssuerUrl = \"https://login.example.com\")", true)]
    public void Only_an_app_behind_a_proxy_that_forwards_the_scheme_trusts_forwarded_headers(string sidecar, bool trusts)
    {
        var output = GeneratorHarness.Run(SidecarDeclarations.Service(sidecar));
        var app = KubernetesObjects.Deployment(output).Spec.Template.Spec.Container("payment-service");
        Assert.Equal(trusts, app.Env.Any(e => e.Name == "ASPNETCORE_FORWARDEDHEADERS_ENABLED" && e.Value == "true"));
        var compose = YamlJson.Parse(output["compose/compose.yaml"])["services"]!["payment-service"]!["environment"]!;
        Assert.Equal(trusts ? "true" : null, (string?)compose["ASPNETCORE_FORWARDEDHEADERS_ENABLED"]);
    }

    [Fact]
    public void The_pod_is_annotated_for_prometheus_once()
    {
        var annotations = KubernetesObjects.Deployment(GeneratorHarness.Run(SidecarDeclarations.Service("MetricsSidecar(ScrapePort = 9464)")))
            .Spec.Template.Metadata.Annotations;
        Assert.Equal("true", annotations["prometheus.io/scrape"]);
        Assert.Equal("9464", annotations["prometheus.io/port"]);
        Assert.Equal("/metrics", annotations["prometheus.io/path"]);
    }

    [Fact]
    public void The_config_watcher_holds_the_app_back_until_the_first_sync()
    {
        var watcher = KubernetesObjects.Deployment(All).Spec.Template.Spec.Container("config-watcher");
        Assert.Equal(new[] { "test", "-f", "/tmp/sidecargen-ready" }, watcher.StartupProbe.Exec.Command);
        Assert.Contains(watcher.VolumeMounts, m => m.MountPath == "/etc/app/config" && m.ReadOnlyProperty != true);
        var compose = YamlJson.Parse(All["compose/compose.yaml"])["services"]!["payment-service-config-watcher"]!;
        Assert.Equal(new[] { "CMD", "test", "-f", "/tmp/sidecargen-ready" }, ComposeLifecycle.Strings(compose["healthcheck"]!["test"]));
        var app = YamlJson.Parse(All["compose/compose.yaml"])["services"]!["payment-service"]!;
        Assert.Equal("service_healthy", (string?)app["depends_on"]!["payment-service-config-watcher"]!["condition"]);
    }

    [Fact]
    public void A_custom_sidecar_keeps_every_setting_in_both_outputs()
    {
        var pod = KubernetesObjects.Deployment(All).Spec.Template.Spec;
        var redis = pod.Container("redis-cache");
        Assert.Equal("redis:7.4.1", redis.Image);
        Assert.Equal(new[] { "--save", "" }, redis.Args);
        Assert.Equal(6379, redis.Ports.Single().ContainerPort);
        Assert.Equal("REDIS_MAXMEMORY", redis.Env.Single().Name);
        Assert.Equal("96Mi", redis.Resources.Limits["memory"].ToString());
        Assert.Equal("tcp-6379", redis.StartupProbe.TcpSocket.Port.Value);

        var compose = YamlJson.Parse(All["compose/compose.yaml"])["services"]!["payment-service-redis-cache"]!;
        Assert.Equal("redis:7.4.1", (string?)compose["image"]);
        Assert.Equal("", (string?)compose["command"]![1]);
        Assert.Equal("64mb", ((string?)compose["environment"]!["REDIS_MAXMEMORY"])!);
        Assert.Equal("96m", (string?)compose["deploy"]!["resources"]!["limits"]!["memory"]);
        Assert.Contains("^ *[0-9]+: [0-9A-F]+:18EB [0-9A-F]+:0000 0A ", ComposeLifecycle.Strings(compose["healthcheck"]!["test"]));
    }

    [Fact]
    public void Capabilities_and_root_reach_both_outputs_when_asked_for()
    {
        var output = GeneratorHarness.Run(SidecarDeclarations.Service("Sidecar(\"net\", \"nicolaka/netshoot:v0.13\", Ports = new[] { 9000 }, Capabilities = new[] { \"NET_ADMIN\" }, RunAsRoot = true)"));
        var net = KubernetesObjects.Deployment(output).Spec.Template.Spec.Container("net");
        Assert.Equal(new[] { "NET_ADMIN" }, net.SecurityContext.Capabilities.Add);
        Assert.Equal(0, net.SecurityContext.RunAsUser);
        var compose = YamlJson.Parse(output["compose/compose.yaml"])["services"]!["payment-service-net"]!;
        Assert.Equal("NET_ADMIN", (string?)compose["cap_add"]![0]);
        Assert.Equal("0:0", (string?)compose["user"]);
        ComposeSchema.AssertValid(output["compose/compose.yaml"]);
    }

    [Fact]
    public void Below_kubernetes_1_29_every_sidecar_is_an_ordinary_container_listed_before_the_app()
    {
        var output = GeneratorHarness.Run(SidecarDeclarations.All(), new Dictionary<string, string> { ["SidecarGenKubernetesVersion"] = "1.27" });
        var pod = KubernetesObjects.Deployment(output).Spec.Template.Spec;
        Assert.Empty(pod.NativeSidecars());
        Assert.All(pod.InitContainers, c => Assert.True(pod.IsOneShot(c), c.Name));
        Assert.Equal(SidecarDeclarations.Each.Keys.Append("payment-service"), pod.Containers.Select(c => c.Name));
        PodAssertions.Restricted(pod);
    }

    private static void AssertValid(GeneratedOutput output)
    {
        Assert.Equal("Generated", output.Status);
        foreach (var (_, text) in output.KubernetesObjects)
        {
            KubernetesObjects.Load(text);
        }

        ComposeLifecycle.AssertMirrorsThePod(output["compose/compose.yaml"], "payment-service");
        PodAssertions.Restricted(KubernetesObjects.Deployment(output).Spec.Template.Spec);
        var kustomization = YamlJson.Parse(output["kubernetes/kustomization.yaml"])["resources"]!.AsArray().Select(r => "kubernetes/" + (string)r!);
        Assert.Equal(output.KubernetesObjects.Select(f => f.Key).Order(), kustomization.Order());
    }
}
