using System.Diagnostics;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Sidecars;

/// <summary>
/// The etcd config watcher for real: a local etcd (Debian's etcd-server), the generated watch script
/// run with the environment the manifest gives it, real keys written with etcdctl and read back as files.
/// </summary>
public sealed class EtcdWatcherTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sidecargen-etcd-").FullName;
    private readonly List<Process> processes = new();

    public void Dispose()
    {
        foreach (var process in processes)
        {
            Processes.Stop(process);
        }

        Directory.Delete(folder, recursive: true);
    }

    [SkippableFact]
    public void The_watch_loop_mirrors_keys_into_files_and_follows_changes()
    {
        var etcd = RealTool.Require("etcd");
        var etcdctl = RealTool.Require("etcdctl");
        var clientPort = Processes.FreePort();
        var peerPort = Processes.FreePort();
        var endpoint = "http://127.0.0.1:" + clientPort;
        processes.Add(Processes.Start(etcd, new[]
        {
            "--data-dir", Path.Combine(folder, "data"),
            "--listen-client-urls", endpoint, "--advertise-client-urls", endpoint,
            "--listen-peer-urls", "http://127.0.0.1:" + peerPort, "--initial-advertise-peer-urls", "http://127.0.0.1:" + peerPort,
            "--initial-cluster", "default=http://127.0.0.1:" + peerPort, "--name", "default",
        }, null, out var etcdLog));
        void Put(string key, string value) => Assert.Equal(0, Processes.Run(etcdctl, new[] { "--endpoints=" + endpoint, "put", key, value }, Api3).ExitCode);
        Processes.WaitUntil(() => Processes.Run(etcdctl, new[] { "--endpoints=" + endpoint, "endpoint", "health" }, Api3).ExitCode == 0, "etcd to start:\n" + etcdLog);

        Put("/config/payment-service/Logging/LogLevel/Default", "Information");
        Put("/config/payment-service/FeatureFlags", "{\"fast-checkout\": true}");
        Put("/config/other-service/Secret", "not ours");

        // The script and the environment exactly as the generated manifest has them, with the
        // endpoint, folder and ready file pointed at this machine.
        var output = GeneratorHarness.Run(SidecarDeclarations.Service(SidecarDeclarations.Each["config-watcher"]));
        var script = Path.Combine(folder, "watch.sh");
        File.WriteAllText(script, output["compose/config/payment-service-config-watcher/watch.sh"]);
        var env = KubernetesObjects.Deployment(output).Spec.Template.Spec.Container("config-watcher").Env.ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal("/config/payment-service", env["SIDECARGEN_ETCD_PREFIX"]);
        var configDir = Directory.CreateDirectory(Path.Combine(folder, "config")).FullName;
        env["SIDECARGEN_ETCD_ENDPOINT"] = endpoint;
        env["SIDECARGEN_CONFIG_DIR"] = configDir;
        env["SIDECARGEN_READY_FILE"] = Path.Combine(folder, "ready");
        env["PATH"] = Path.GetDirectoryName(etcdctl) + ":" + Environment.GetEnvironmentVariable("PATH");
        processes.Add(Processes.Start("/bin/sh", new[] { script }, env, out var watchLog));

        Processes.WaitUntil(() => File.Exists(env["SIDECARGEN_READY_FILE"]), "the first sync:\n" + watchLog);
        Assert.Equal(new[] { "FeatureFlags", "Logging__LogLevel__Default" }, Directory.GetFiles(configDir).Select(Path.GetFileName).Order());
        Assert.Equal("Information", File.ReadAllText(Path.Combine(configDir, "Logging__LogLevel__Default")).TrimEnd('\n'));
        Assert.Equal("{\"fast-checkout\": true}", File.ReadAllText(Path.Combine(configDir, "FeatureFlags")).TrimEnd('\n'));

        Put("/config/payment-service/Logging/LogLevel/Default", "Debug");
        Processes.WaitUntil(() => File.ReadAllText(Path.Combine(configDir, "Logging__LogLevel__Default")).TrimEnd('\n') == "Debug", "the change to arrive:\n" + watchLog);

        Assert.Equal(0, Processes.Run(etcdctl, new[] { "--endpoints=" + endpoint, "del", "/config/payment-service/FeatureFlags" }, Api3).ExitCode);
        Processes.WaitUntil(() => !File.Exists(Path.Combine(configDir, "FeatureFlags")), "the deleted key's file to go:\n" + watchLog);
        Processes.WaitUntil(() => Directory.GetDirectories(configDir).Length == 0, "the staging folder of the last sync to go");
    }

    private static readonly Dictionary<string, string> Api3 = new() { ["ETCDCTL_API"] = "3" };
}
