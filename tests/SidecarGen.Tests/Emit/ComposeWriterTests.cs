using System.Text.Json.Nodes;
using SidecarGen.Emit;
using SidecarGen.Emit.Compose;
using SidecarGen.Pod;
using SidecarGen.Tests.Infrastructure;
using static SidecarGen.Tests.Emit.HandPlans;

namespace SidecarGen.Tests.Emit;

/// <summary>The Compose writer on hand-built plans: valid against the Compose Specification, and field by field.</summary>
public sealed class ComposeWriterTests
{
    private static readonly Dictionary<string, string> Files = ComposeWriter.Write(Full()).ToDictionary(f => f.Path, f => f.Content);

    private static readonly JsonNode Compose = YamlJson.Parse(Files["compose/compose.yaml"]);

    private static JsonObject Service(string name) => Compose["services"]![name]!.AsObject();

    private static IEnumerable<string?> Strings(JsonNode? node) => node?.AsArray().Select(item => (string?)item) ?? Enumerable.Empty<string?>();

    [Fact]
    public void Sidecars_join_the_apps_network_and_the_app_publishes_the_entry_point()
    {
        ComposeSchema.AssertValid(Files["compose/compose.yaml"]);
        Assert.Equal(App, (string?)Compose["name"]);
        Assert.Equal(new[] { App, "tailer", "gate" }, Compose["services"]!.AsObject().Select(s => s.Key));
        foreach (var name in new[] { "tailer", "gate" })
        {
            Assert.Equal("service:" + App, (string?)Service(name)["network_mode"]);
            Assert.Null(Service(name)["ports"]);
            var dependency = Service(name)["depends_on"]![App]!;
            Assert.Equal("service_started", (string?)dependency["condition"]);
            Assert.True((bool)dependency["restart"]!);
        }

        var port = Assert.Single(Service(App)["ports"]!.AsArray())!;
        Assert.Equal(8443, (long)port["target"]!);
        Assert.Equal("8080", (string?)port["published"]);
    }

    [Fact]
    public void Config_files_are_written_beside_compose_yaml_and_bind_mounted_read_only()
    {
        Assert.Equal(new[] { "compose/compose.yaml", "compose/config/tailer/tailer.conf" }, Files.Keys);
        Assert.Equal(Tailer.ConfigFiles[0].Content, Files["compose/config/tailer/tailer.conf"]);

        var config = Service("tailer")["volumes"]!.AsArray().Single(v => (string?)v!["type"] == "bind")!;
        Assert.Equal("./config/tailer", (string?)config["source"]);
        Assert.Equal("/etc/sidecargen/tailer", (string?)config["target"]);
        Assert.True((bool)config["read_only"]!);
    }

    [Fact]
    public void The_shared_folder_is_a_named_volume_and_scratch_folders_are_tmpfs()
    {
        var volume = Assert.Single(Compose["volumes"]!.AsObject());
        Assert.Equal("tailer-logs", volume.Key);
        Assert.Equal("tmpfs", (string?)volume.Value!["driver_opts"]!["type"]);
        Assert.Contains("uid=10001", (string?)volume.Value["driver_opts"]!["o"]);

        var appLogs = Assert.Single(Service(App)["volumes"]!.AsArray())!;
        var tailerLogs = Service("tailer")["volumes"]!.AsArray().Single(v => (string?)v!["source"] == "tailer-logs")!;
        Assert.Equal(("volume", "/var/log/shop", false), ((string?)appLogs["type"], (string?)appLogs["target"], (bool)appLogs["read_only"]!));
        Assert.Equal(("volume", "/var/log/shop", true), ((string?)tailerLogs["type"], (string?)tailerLogs["target"], (bool)tailerLogs["read_only"]!));

        Assert.Equal(new[] { "/tmp" }, Strings(Service(App)["tmpfs"]));
        Assert.Equal(new[] { "/var/lib/tailer" }, Strings(Service("tailer")["tmpfs"]));
        Assert.Null(Service("gate")["tmpfs"]);
        Assert.Null(Service("gate")["volumes"]);
    }

    [Fact]
    public void Secret_files_are_compose_secrets_and_secret_env_must_be_set_at_up()
    {
        var secret = Assert.Single(Compose["secrets"]!.AsObject());
        Assert.Equal("shop-creds-ca.crt", secret.Key);
        Assert.Equal("SHOP_CREDS_CA_CRT", (string?)secret.Value!["environment"]);
        var mounted = Assert.Single(Service("tailer")["secrets"]!.AsArray())!;
        Assert.Equal("shop-creds-ca.crt", (string?)mounted["source"]);
        Assert.Equal("/run/secrets/shop-creds/ca.crt", (string?)mounted["target"]);

        var environment = Service("tailer")["environment"]!;
        Assert.StartsWith("${SHOP_CREDS_TOKEN:?", (string?)environment["TAILER_TOKEN"]);
        Assert.Equal("$$HOME/*.log", (string?)environment["PATTERN"]);
    }

    [Fact]
    public void The_tailer_runs_its_command_and_is_health_checked_by_its_probe_command()
    {
        var tailer = Service("tailer");
        Assert.Equal(new[] { "/bin/tailer" }, Strings(tailer["entrypoint"]));
        Assert.Equal(new[] { "--config", "/etc/sidecargen/tailer/tailer.conf" }, Strings(tailer["command"]));
        Assert.Equal(new[] { "CMD", "cat", "/tmp/ready" }, Strings(tailer["healthcheck"]!["test"]));
        Assert.Null(Service("gate")["healthcheck"]);
        Assert.Equal("10001:10001", (string?)tailer["user"]);
        Assert.Equal("0.2", (string?)tailer["deploy"]!["resources"]!["limits"]!["cpus"]);
        Assert.Equal("128m", (string?)tailer["deploy"]!["resources"]!["limits"]!["memory"]);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void Only_the_outputs_the_plan_asks_for_are_written(bool kubernetes, bool compose)
    {
        var paths = ManifestRenderer.Files(Plan() with { Kubernetes = kubernetes, Compose = compose }).Select(f => f.Path).ToList();

        Assert.Equal(kubernetes, paths.Contains("kubernetes/deployment.yaml"));
        Assert.Equal(compose, paths.Contains("compose/compose.yaml"));
        Assert.All(paths, path => Assert.True(path.StartsWith("kubernetes/", StringComparison.Ordinal) ? kubernetes : compose, path));
        if (compose)
        {
            // An app alone: no volumes or secrets sections, still a valid Compose file.
            var text = ManifestRenderer.Files(Plan()).Single(f => f.Path == "compose/compose.yaml").Content;
            ComposeSchema.AssertValid(text);
            Assert.Equal(new[] { "name", "services" }, YamlJson.Parse(text).AsObject().Select(p => p.Key));
        }
    }
}
