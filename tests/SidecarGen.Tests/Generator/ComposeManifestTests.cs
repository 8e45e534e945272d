using System.Text.Json.Nodes;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Generator;

/// <summary>The Compose file of the product's example service, validated against the Compose Specification schema.</summary>
public sealed class ComposeManifestTests
{
    private static readonly GeneratedOutput Output = GeneratorHarness.Run(Sources.OrderService);
    private static readonly JsonNode Compose = YamlJson.Parse(Output["compose/compose.yaml"]);

    private static JsonObject Service(string name) => Compose["services"]![name]!.AsObject();

    [Fact]
    public void Matches_the_compose_specification_schema() => ComposeSchema.AssertValid(Output["compose/compose.yaml"]);

    [Fact]
    public void Writes_the_sidecar_config_files_beside_compose_yaml()
    {
        Assert.Equal(
            new[] { "compose/compose.yaml", "compose/config/order-service-logging/fluent-bit.conf" },
            Output.Files.Keys.Where(path => path.StartsWith("compose/", StringComparison.Ordinal)));
        var configMap = KubernetesObjects.Load<k8s.Models.V1ConfigMap>(Output["kubernetes/configmap-logging.yaml"]);
        Assert.Equal(configMap.Data["fluent-bit.conf"], Output["compose/config/order-service-logging/fluent-bit.conf"]);
    }

    [Fact]
    public void The_app_starts_after_the_holder_and_every_sidecar_is_healthy()
    {
        Assert.Equal(new[] { "order-service-logging", "order-service-auth-proxy" }, ComposeLifecycle.AssertMirrorsThePod(Output["compose/compose.yaml"], "order-service"));
        Assert.Equal(
            new[] { "order-service-pod", "order-service-variables", "order-service-secrets", "order-service-logging", "order-service-auth-proxy", "order-service" },
            Compose["services"]!.AsObject().Select(s => s.Key));
        Assert.Equal(
            new[] { "CMD", ComposeLifecycle.Tools, "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:2020/api/v1/health" },
            ComposeLifecycle.Strings(Service("order-service-logging")["healthcheck"]!["test"]));
        Assert.Equal(
            new[] { "CMD", ComposeLifecycle.Tools, "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:4180/ping" },
            ComposeLifecycle.Strings(Service("order-service-auth-proxy")["healthcheck"]!["test"]));
    }

    [Fact]
    public void The_published_port_goes_to_the_auth_proxy()
    {
        var port = Assert.Single(Service("order-service-pod")["ports"]!.AsArray())!;
        Assert.Equal(4180, (long)port["target"]!);
        Assert.Equal("${ORDER_SERVICE_HOST_PORT:-8080}", (string?)port["published"]);
    }

    [Fact]
    public void Every_container_is_hardened_and_bounded()
    {
        foreach (var (name, node) in Compose["services"]!.AsObject())
        {
            Assert.Equal("10001:10001", (string?)node!["user"]);
            Assert.True((bool)node["read_only"]!, name);
            Assert.Equal("ALL", (string?)node["cap_drop"]![0]);
            Assert.Equal("no-new-privileges:true", (string?)node["security_opt"]![0]);
            Assert.NotNull(node["deploy"]!["resources"]!["limits"]!["memory"]);
            Assert.NotNull(node["deploy"]!["resources"]!["reservations"]!["cpus"]);
        }

        Assert.Equal("512m", (string?)Service("order-service")["deploy"]!["resources"]!["limits"]!["memory"]);
        Assert.Equal("0.25", (string?)Service("order-service")["deploy"]!["resources"]!["reservations"]!["cpus"]);
    }

    [Fact]
    public void The_log_folder_is_a_named_volume_and_the_config_a_read_only_bind_mount()
    {
        var app = Service("order-service")["volumes"]!.AsArray().Single(v => (string?)v!["target"] == "/var/log/app")!;
        var agentMounts = Service("order-service-logging")["volumes"]!.AsArray();
        var agentLogs = agentMounts.Single(v => (string?)v!["target"] == "/var/log/app")!;
        var config = agentMounts.Single(v => (string?)v!["type"] == "bind")!;

        Assert.Equal("volume", (string?)app["type"]);
        Assert.Equal((string?)app["source"], (string?)agentLogs["source"]);
        Assert.True((bool)agentLogs["read_only"]!);
        Assert.NotNull(Compose["volumes"]![(string)app["source"]!]);
        Assert.Equal("./config/order-service-logging", (string?)config["source"]);
        Assert.Equal("/etc/sidecargen/logging", (string?)config["target"]);
        Assert.True((bool)config["read_only"]!);
        Assert.Equal("/tmp", (string?)Service("order-service")["tmpfs"]![0]);
    }

    [Fact]
    public void Proxy_credentials_come_from_the_environment_never_from_source_and_the_secret_file_from_a_volume()
    {
        var proxy = Service("order-service-auth-proxy");
        var mounted = proxy["volumes"]!.AsArray().Single(v => (string?)v!["source"] == "order-service-secret-order-auth")!;
        Assert.Equal(("/run/secrets/order-auth", true), ((string?)mounted["target"], (bool)mounted["read_only"]!));
        Assert.Contains("--client-secret-file=/run/secrets/order-auth/client-secret", ComposeLifecycle.Strings(proxy["command"]));

        var copier = Service("order-service-secrets");
        Assert.Equal("${ORDER_AUTH_CLIENT_SECRET:-}", (string?)Assert.Single(copier["environment"]!.AsObject()).Value);
        Assert.EndsWith("printf %s \"$$ORDER_AUTH_CLIENT_SECRET\" > /sidecargen-secrets/order-auth/client-secret", (string?)copier["entrypoint"]![3]);
        Assert.Equal("${ORDER_AUTH_CLIENT_ID:-}", (string?)proxy["environment"]!["OAUTH2_PROXY_CLIENT_ID"]);
        Assert.Equal("${ORDER_AUTH_COOKIE_SECRET:-}", (string?)proxy["environment"]!["OAUTH2_PROXY_COOKIE_SECRET"]);
        Assert.Null(Compose["secrets"]);
    }

    [Fact]
    public void Dollar_signs_in_user_values_are_escaped_from_compose_interpolation()
    {
        var output = GeneratorHarness.Run(Sources.Program("Sidecar(\"echo\", \"example/echo:1.0\", Ports = new[] { 9000 }, Args = new[] { \"--greeting=$HOME ${USER}\" })"));
        var compose = YamlJson.Parse(output["compose/compose.yaml"]);

        Assert.Equal("--greeting=$$HOME $${USER}", (string?)compose["services"]![(string)compose["name"]! + "-echo"]!["command"]![0]);
        ComposeSchema.AssertValid(output["compose/compose.yaml"]);
    }

    [Fact]
    public void Two_services_compose_files_share_no_name_so_they_combine_with_include()
    {
        var other = GeneratorHarness.Run(SidecarDeclarations.All());
        var payment = YamlJson.Parse(other["compose/compose.yaml"]);
        foreach (var section in new[] { "services", "volumes" })
        {
            var ours = Compose[section]!.AsObject().Select(p => p.Key);
            var theirs = payment[section]!.AsObject().Select(p => p.Key);
            Assert.Empty(ours.Intersect(theirs));
        }

        Assert.Empty(Output.Files.Keys.Where(k => k.StartsWith("compose/config/", StringComparison.Ordinal)).Intersect(other.Files.Keys));
        Assert.Equal("order-service", (string?)Service("order-service-pod")["networks"]!["default"]!["aliases"]![0]);
        Assert.Equal("payment-service", (string?)payment["services"]!["payment-service-pod"]!["networks"]!["default"]!["aliases"]![0]);
    }
}
