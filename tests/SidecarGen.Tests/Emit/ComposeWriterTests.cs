using System.Text.Json.Nodes;
using SidecarGen.Emit;
using SidecarGen.Emit.Compose;
using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Tests.Infrastructure;
using static SidecarGen.Tests.Emit.HandPlans;
using static SidecarGen.Tests.Infrastructure.ComposeLifecycle;

namespace SidecarGen.Tests.Emit;

/// <summary>The Compose writer on hand-built plans: valid against the Compose Specification, and field by field.</summary>
public sealed class ComposeWriterTests
{
    private static readonly Dictionary<string, string> Files = ComposeWriter.Write(Full()).ToDictionary(f => f.Path, f => f.Content);

    private static readonly JsonNode Compose = YamlJson.Parse(Files["compose/compose.yaml"]);

    private static JsonObject Service(string name) => Compose["services"]![name]!.AsObject();

    [Fact]
    public void The_holder_starts_first_the_sidecars_join_it_and_the_app_starts_last()
    {
        Assert.Equal(new[] { "shop-tailer", "shop-gate" }, AssertMirrorsThePod(Files["compose/compose.yaml"], App));
        Assert.Equal(new[] { "shop-pod", "shop-variables", "shop-secrets", "shop-tailer", "shop-gate", "shop" }, Compose["services"]!.AsObject().Select(s => s.Key));
        Assert.Equal(new[] { "shop-variables" }, Service("shop-pod")["depends_on"]!.AsObject().Select(d => d.Key));
        Assert.Equal(new[] { "shop-pod", "shop-tailer", "shop-gate" }, Service(App)["depends_on"]!.AsObject().Select(d => d.Key));
        Assert.Equal(new[] { "shop-pod", "shop-secrets" }, Service("shop-tailer")["depends_on"]!.AsObject().Select(d => d.Key));
        Assert.Equal(new[] { "shop-pod" }, Service("shop-gate")["depends_on"]!.AsObject().Select(d => d.Key));
    }

    [Fact]
    public void The_holder_publishes_the_entry_point_holds_the_network_and_stops_on_term()
    {
        var holder = Service("shop-pod");
        var port = Assert.Single(holder["ports"]!.AsArray())!;
        Assert.Equal(8443, (long)port["target"]!);
        Assert.Equal("${SHOP_HOST_PORT:-8080}", (string?)port["published"]);
        Assert.Equal(ProbeTools.Image, (string?)holder["image"]);
        Assert.Matches(@"^busybox:\d+\.\d+\.\d+-musl$", ProbeTools.Image);
        Assert.Equal("10001:10001", (string?)holder["user"]);
        Assert.True((bool)holder["read_only"]!);
        Assert.Null(holder["network_mode"]);
        var script = Strings(holder["entrypoint"]).ToList();
        Assert.Equal(new[] { "/bin/busybox", "sh", "-c" }, script.Take(3));
        Assert.StartsWith("trap 'exit 0' TERM INT;", script[3]);
        Assert.EndsWith("do /bin/busybox sleep 3600 & wait; done", script[3]);

        // It keeps the secret volume mounted: a tmpfs volume is emptied when no container mounts it.
        Assert.Contains(Volumes(holder), v => (string?)v["source"] == "shop-secret-shop-creds" && (bool)v["read_only"]!);
        Assert.Contains(Volumes(holder), v => (string?)v["source"] == "shop-sidecargen-tools" && !(bool)v["read_only"]!);
    }

    [Fact]
    public void Config_files_are_written_beside_compose_yaml_in_a_folder_named_after_the_service_and_bind_mounted_read_only()
    {
        Assert.Equal(new[] { "compose/compose.yaml", "compose/config/shop-tailer/tailer.conf" }, Files.Keys);
        Assert.Equal(Tailer.ConfigFiles[0].Content, Files["compose/config/shop-tailer/tailer.conf"]);

        var config = Volumes(Service("shop-tailer")).Single(v => (string?)v["type"] == "bind");
        Assert.Equal("./config/shop-tailer", (string?)config["source"]);
        Assert.Equal("/etc/sidecargen/tailer", (string?)config["target"]);
        Assert.True((bool)config["read_only"]!);
    }

    [Fact]
    public void Shared_and_secret_folders_are_tmpfs_volumes_named_after_the_service_and_scratch_folders_are_tmpfs()
    {
        var volumes = Compose["volumes"]!.AsObject();
        Assert.Equal(new[] { "shop-sidecargen-tools", "shop-tailer-logs", "shop-secret-shop-creds" }, volumes.Select(v => v.Key));
        Assert.All(volumes, v => Assert.Equal("tmpfs", (string?)v.Value!["driver_opts"]!["type"]));
        Assert.All(volumes, v => Assert.DoesNotContain("size=", (string?)v.Value!["driver_opts"]!["o"]));
        Assert.Equal("uid=10001,gid=10001,mode=0700", (string?)volumes["shop-secret-shop-creds"]!["driver_opts"]!["o"]);

        var appLogs = Volumes(Service(App)).Single(v => (string?)v["source"] == "shop-tailer-logs");
        var tailerLogs = Volumes(Service("shop-tailer")).Single(v => (string?)v["source"] == "shop-tailer-logs");
        Assert.Equal(("volume", "/var/log/shop", false), ((string?)appLogs["type"], (string?)appLogs["target"], (bool)appLogs["read_only"]!));
        Assert.Equal(("volume", "/var/log/shop", true), ((string?)tailerLogs["type"], (string?)tailerLogs["target"], (bool)tailerLogs["read_only"]!));

        Assert.Equal(new[] { "/tmp" }, Strings(Service(App)["tmpfs"]));
        Assert.Equal(new[] { "/var/lib/tailer" }, Strings(Service("shop-tailer")["tmpfs"]));
        Assert.Null(Service("shop-gate")["tmpfs"]);
        Assert.Equal(new[] { "/sidecargen" }, Volumes(Service("shop-gate")).Select(v => (string?)v["target"]));
    }

    [Fact]
    public void Secret_files_reach_the_read_only_sidecar_through_a_volume_filled_by_the_one_shot_copier()
    {
        Assert.Null(Compose["secrets"]);
        var copier = Service("shop-secrets");
        Assert.Equal("${SHOP_CREDS_CA_CRT:-}", (string?)Assert.Single(copier["environment"]!.AsObject(), v => v.Key == "SHOP_CREDS_CA_CRT").Value);
        var into = Assert.Single(Volumes(copier));
        Assert.Equal(("shop-secret-shop-creds", "/sidecargen-secrets/shop-creds", false), ((string?)into["source"], (string?)into["target"], (bool)into["read_only"]!));
        Assert.Equal(("10001:10001", true), ((string?)copier["user"], (bool)copier["read_only"]!));
        Assert.Equal("ALL", (string?)copier["cap_drop"]![0]);

        // Its script, as Compose hands it to the shell ($$ is a literal $), run with the volume's
        // folder moved into a temporary one: the value lands byte for byte, readable by its owner only.
        var entrypoint = Strings(copier["entrypoint"]).ToList();
        Assert.Equal(new[] { "/bin/busybox", "sh", "-c" }, entrypoint.Take(3));
        var folder = Directory.CreateTempSubdirectory("sidecargen-secrets-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "shop-creds"));
            var value = "-----BEGIN CERTIFICATE-----\nMIIB $HOME `x` 'q' \\n \n";
            var script = entrypoint[3]!.Replace("$$", "$", StringComparison.Ordinal).Replace(PodHolder.SecretsFolder + "/", folder + "/", StringComparison.Ordinal);
            var (exitCode, output) = Processes.Run("/bin/sh", new[] { "-c", script }, new Dictionary<string, string> { ["SHOP_CREDS_CA_CRT"] = value });
            Assert.True(exitCode == 0, output);
            Assert.Equal(value, File.ReadAllText(Path.Combine(folder, "shop-creds", "ca.crt")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "shop-creds", "ca.crt")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        // The sidecar reads the file where the Pod's Secret volume puts it.
        var mounted = Volumes(Service("shop-tailer")).Single(v => (string?)v["source"] == "shop-secret-shop-creds");
        Assert.Equal(("/run/secrets/shop-creds", true), ((string?)mounted["target"], (bool)mounted["read_only"]!));
        Assert.Equal(new SecretFileSpec(CaCertificate).Directory, (string?)mounted["target"]);

        var environment = Service("shop-tailer")["environment"]!;
        Assert.Equal("${SHOP_CREDS_TOKEN:-}", (string?)environment["TAILER_TOKEN"]);
        Assert.Equal("$$HOME/*.log", (string?)environment["PATTERN"]);
    }

    [Fact]
    public void The_variables_check_names_every_missing_variable_at_once_and_passes_when_all_are_set()
    {
        var check = Service("shop-variables");
        Assert.Equal(new[] { "SHOP_CREDS_TOKEN", "SHOP_CREDS_CA_CRT" }, check["environment"]!.AsObject().Select(v => v.Key));
        Assert.Equal(("service_completed_successfully", false), ((string?)Service("shop-pod")["depends_on"]!["shop-variables"]!["condition"], (bool)Service("shop-pod")["depends_on"]!["shop-variables"]!["restart"]!));
        var entrypoint = Strings(check["entrypoint"]).ToList();
        Assert.Equal(new[] { "/bin/busybox", "sh", "-c" }, entrypoint.Take(3));

        // The script as Compose hands it to the shell ($$ is a literal $), with each variable as the
        // check's environment says: "set", or empty when docker compose up's environment lacks it.
        var script = entrypoint[3]!.Replace("$$", "$", StringComparison.Ordinal);
        var none = Processes.Run("/bin/sh", new[] { "-c", script }, new Dictionary<string, string> { ["SHOP_CREDS_TOKEN"] = "", ["SHOP_CREDS_CA_CRT"] = "" });
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("Not set in the environment of docker compose up: SHOP_CREDS_TOKEN SHOP_CREDS_CA_CRT (see https://github.com/sidecargen/sidecargen/blob/main/docs/secrets.md)", none.Output, StringComparison.Ordinal);
        var one = Processes.Run("/bin/sh", new[] { "-c", script }, new Dictionary<string, string> { ["SHOP_CREDS_TOKEN"] = "set", ["SHOP_CREDS_CA_CRT"] = "" });
        Assert.Equal(1, one.ExitCode);
        Assert.Contains("up: SHOP_CREDS_CA_CRT (see", one.Output, StringComparison.Ordinal);
        var all = Processes.Run("/bin/sh", new[] { "-c", script }, new Dictionary<string, string> { ["SHOP_CREDS_TOKEN"] = "set", ["SHOP_CREDS_CA_CRT"] = "set" });
        Assert.Equal((0, string.Empty), (all.ExitCode, all.Output.Trim()));
    }

    [Fact]
    public void A_state_folder_is_a_volume_the_holder_keeps_and_a_bounded_shared_folder_gets_its_size()
    {
        var tailer = Tailer with
        {
            Container = Tailer.Container with
            {
                Mounts = Tailer.Container.Mounts.Select(m => m.Volume == "tailer-state" ? m with { KeepsState = true } : m).ToEquatableArray(),
            },
            SharedVolumes = EquatableArray.Of(new SharedVolumeSpec("tailer-logs", "/var/log/shop", AppReadOnly: false, SizeLimit: "64Mi")),
        };
        var text = ComposeWriter.Write(Plan(tailer, Gate)).Single(f => f.Path == "compose/compose.yaml").Content;
        AssertMirrorsThePod(text, App);
        var compose = YamlJson.Parse(text);

        Assert.Equal("uid=10001,gid=10001,mode=0770,size=64m", (string?)compose["volumes"]!["shop-tailer-logs"]!["driver_opts"]!["o"]);
        Assert.Equal("uid=10001,gid=10001,mode=0700", (string?)compose["volumes"]!["shop-tailer-state"]!["driver_opts"]!["o"]);
        var service = compose["services"]!["shop-tailer"]!;
        Assert.Null(service["tmpfs"]);
        Assert.Contains(Volumes(service), v => (string?)v["source"] == "shop-tailer-state" && (string?)v["target"] == "/var/lib/tailer" && !(bool)v["read_only"]!);
        Assert.Contains(Volumes(compose["services"]!["shop-pod"]!), v => (string?)v["source"] == "shop-tailer-state" && (bool)v["read_only"]!);
    }

    [Fact]
    public void Each_container_is_health_checked_by_its_kubernetes_probe()
    {
        var tailer = Service("shop-tailer");
        Assert.Equal(new[] { "/bin/tailer" }, Strings(tailer["entrypoint"]));
        Assert.Equal(new[] { "--config", "/etc/sidecargen/tailer/tailer.conf" }, Strings(tailer["command"]));
        Assert.Equal(new[] { "CMD", "cat", "/tmp/ready" }, Strings(tailer["healthcheck"]!["test"]));
        Assert.DoesNotContain(Volumes(tailer), v => (string?)v["target"] == "/sidecargen");

        // TCP (and HTTPS): a socket listening on 8443 = 0x20FB.
        Assert.Equal(
            new[] { "CMD", Tools, "grep", "-qsE", "^ *[0-9]+: [0-9A-F]+:20FB [0-9A-F]+:0000 0A ", "/proc/net/tcp", "/proc/net/tcp6" },
            Strings(Service("shop-gate")["healthcheck"]!["test"]));
        Assert.Equal(
            new[] { "CMD", Tools, "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz" },
            Strings(Service(App)["healthcheck"]!["test"]));
        var timing = tailer["healthcheck"]!.AsObject();
        Assert.Equal(("2s", "5s", 3L, "120s"), ((string?)timing["interval"], (string?)timing["timeout"], (long)timing["retries"]!, (string?)timing["start_period"]));

        Assert.Equal("10001:10001", (string?)tailer["user"]);
        Assert.Equal("0.2", (string?)tailer["deploy"]!["resources"]!["limits"]!["cpus"]);
        Assert.Equal("128m", (string?)tailer["deploy"]!["resources"]!["limits"]!["memory"]);
    }

    [Fact]
    public void A_sidecar_without_a_probe_is_awaited_as_started()
    {
        var plan = Plan(Gate with { Container = Gate.Container with { Probe = null } });
        var text = ComposeWriter.Write(plan).First().Content;
        AssertMirrorsThePod(text, App);
        var app = YamlJson.Parse(text)["services"]![App]!;
        Assert.Equal("service_started", (string?)app["depends_on"]!["shop-gate"]!["condition"]);
        Assert.Null(YamlJson.Parse(text)["services"]!["shop-gate"]!["healthcheck"]);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void Only_the_outputs_the_plan_asks_for_are_written(bool kubernetes, bool compose)
    {
        var paths = ServiceFiles.Write(Plan() with { Kubernetes = kubernetes, Compose = compose }).Select(f => f.Path).ToList();

        Assert.Equal(kubernetes, paths.Contains("kubernetes/deployment.yaml"));
        Assert.Equal(compose, paths.Contains("compose/compose.yaml"));
        Assert.All(paths, path => Assert.True(path.StartsWith("kubernetes/", StringComparison.Ordinal) ? kubernetes : compose, path));
        if (compose)
        {
            // An app alone: the holder and the app, no secrets section, still a valid Compose file.
            var text = ServiceFiles.Write(Plan()).Single(f => f.Path == "compose/compose.yaml").Content;
            Assert.Empty(AssertMirrorsThePod(text, App));
            Assert.Equal(new[] { "name", "services", "volumes" }, YamlJson.Parse(text).AsObject().Select(p => p.Key));
        }
    }
}
