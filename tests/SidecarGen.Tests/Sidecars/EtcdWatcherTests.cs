using System.Diagnostics;
using System.Text;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Sidecars;

/// <summary>
/// The etcd config watcher for real: a local etcd (Debian's etcd-server), the generated watch script
/// run with the environment the manifest gives it, real keys written with etcdctl and read back as
/// files; an etcdctl stand-in that fails on <c>get</c> when told to; and a TERM sent to the script
/// running as PID 1, as it does in its container.
/// </summary>
public sealed class EtcdWatcherTests : IDisposable
{
    private static readonly Dictionary<string, string> Api3 = new() { ["ETCDCTL_API"] = "3" };

    private readonly string folder = Directory.CreateTempSubdirectory("sidecargen-etcd-").FullName;
    private readonly List<Process> processes = new();
    private string etcdctl = string.Empty;
    private string endpoint = string.Empty;

    public void Dispose()
    {
        foreach (var process in processes)
        {
            Processes.Stop(process);
        }

        Directory.Delete(folder, recursive: true);
    }

    /// <summary>While this file exists the stand-in fails every <c>get</c> it is given; reading <c>per-key</c> from it, only the reads of one key's value.</summary>
    private string FailGet => Path.Combine(folder, "fail-get");

    private string ConfigDir => Path.Combine(folder, "config");

    private string ReadyFile => Path.Combine(folder, "ready");

    [SkippableFact]
    public void The_watch_loop_mirrors_keys_into_files_and_follows_changes()
    {
        StartEtcd();
        Put("/config/payment-service/Logging/LogLevel/Default", "Information");
        Put("/config/payment-service/FeatureFlags", "{\"fast-checkout\": true}");
        Put("/config/other-service/Secret", "not ours");
        var watchLog = StartWatcher();

        Processes.WaitUntil(() => File.Exists(ReadyFile), "the first sync:\n" + watchLog);
        Assert.Equal(new[] { "FeatureFlags", "Logging__LogLevel__Default" }, Files());
        Assert.Equal("Information", Read("Logging__LogLevel__Default"));
        Assert.Equal("{\"fast-checkout\": true}", Read("FeatureFlags"));

        Put("/config/payment-service/Logging/LogLevel/Default", "Debug");
        Processes.WaitUntil(() => Read("Logging__LogLevel__Default") == "Debug", "the change to arrive:\n" + watchLog);

        Assert.Equal(0, Etcdctl("del", "/config/payment-service/FeatureFlags").ExitCode);
        Processes.WaitUntil(() => !File.Exists(Path.Combine(ConfigDir, "FeatureFlags")), "the deleted key's file to go:\n" + watchLog);
        Processes.WaitUntil(() => Directory.GetDirectories(ConfigDir).Length == 0, "the staging folder of the last sync to go");
    }

    [SkippableTheory]
    [InlineData("all")]
    [InlineData("per-key")]
    public void A_failed_read_keeps_the_last_files_whole(string failing)
    {
        StartEtcd();
        Put("/config/payment-service/A", "one");
        Put("/config/payment-service/B", "two");
        var watchLog = StartWatcher();
        Processes.WaitUntil(() => File.Exists(ReadyFile), "the first sync:\n" + watchLog);

        File.WriteAllText(FailGet, failing);
        Put("/config/payment-service/A", "changed");
        Put("/config/payment-service/C", "new");
        // Both changes may reach the script in one watch response (one sync) or in two; every sync fails.
        Processes.WaitUntil(() => Count(watchLog, "sync from") >= 1, "a sync after the changes to fail:\n" + watchLog);
        Assert.Equal(new[] { "A", "B" }, Files());
        Assert.Equal(("one", "two"), (Read("A"), Read("B")));

        File.Delete(FailGet);
        Put("/config/payment-service/B", "three");
        Processes.WaitUntil(() => Files().SequenceEqual(new[] { "A", "B", "C" }) && Read("B") == "three", "a good read to publish every key:\n" + watchLog);
        Assert.Equal(("changed", "new"), (Read("A"), Read("C")));
    }

    [SkippableTheory]
    [InlineData("all")]
    [InlineData("per-key")]
    public void A_first_sync_that_cannot_read_writes_nothing_and_is_not_ready(string failing)
    {
        StartEtcd();
        Put("/config/payment-service/A", "one");
        File.WriteAllText(FailGet, failing);
        var watchLog = StartWatcher();

        Processes.WaitUntil(() => Count(watchLog, "retrying") >= 2, "two failed first syncs:\n" + watchLog);
        Assert.False(File.Exists(ReadyFile));
        Assert.Empty(Files());

        File.Delete(FailGet);
        Processes.WaitUntil(() => File.Exists(ReadyFile), "the first good sync:\n" + watchLog);
        Assert.Equal("one", Read("A"));
    }

    [SkippableFact]
    public void As_pid_1_it_stops_on_term_and_takes_its_watch_with_it()
    {
        var unshare = RealTool.Require("unshare");
        StartEtcd();
        Put("/config/payment-service/A", "one");
        var watchLog = StartWatcher(unshare);
        Processes.WaitUntil(() => File.Exists(ReadyFile), "the first sync:\n" + watchLog);
        var outer = processes[^1];
        var pid1 = int.Parse(File.ReadAllText($"/proc/{outer.Id}/task/{outer.Id}/children").Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Processes.WaitUntil(() => Descendants(pid1).Any(IsOurWatch), "the watch to start:\n" + watchLog);

        Assert.Equal(0, Processes.Run("kill", new[] { "-TERM", pid1.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ExitCode);

        // Docker waits 10 s before it kills a container that ignores TERM; without its trap, a shell
        // as PID 1 would never stop here.
        Assert.True(outer.WaitForExit(5_000), "the watcher ignored TERM:\n" + watchLog);
        Assert.Equal(0, outer.ExitCode);
        Assert.DoesNotContain(AllProcesses(), IsOurWatch);
    }

    private void StartEtcd()
    {
        var etcd = RealTool.Require("etcd");
        etcdctl = RealTool.Require("etcdctl");
        var clientPort = Processes.FreePort();
        var peerPort = Processes.FreePort();
        endpoint = "http://127.0.0.1:" + clientPort;
        processes.Add(Processes.Start(etcd, new[]
        {
            "--data-dir", Path.Combine(folder, "data"),
            "--listen-client-urls", endpoint, "--advertise-client-urls", endpoint,
            "--listen-peer-urls", "http://127.0.0.1:" + peerPort, "--initial-advertise-peer-urls", "http://127.0.0.1:" + peerPort,
            "--initial-cluster", "default=http://127.0.0.1:" + peerPort, "--name", "default",
        }, null, out var etcdLog));
        Processes.WaitUntil(() => Etcdctl("endpoint", "health").ExitCode == 0, "etcd to start:\n" + etcdLog);
    }

    /// <summary>
    /// The script and the environment exactly as the generated manifest has them, with the endpoint,
    /// folder and ready file pointed at this machine, and the etcdctl stand-in first on the PATH.
    /// </summary>
    private StringBuilder StartWatcher(string? unshare = null)
    {
        var output = GeneratorHarness.Run(SidecarDeclarations.Service(SidecarDeclarations.Each["config-watcher"]));
        var script = Path.Combine(folder, "watch.sh");
        File.WriteAllText(script, output["compose/config/payment-service-config-watcher/watch.sh"]);
        var env = KubernetesObjects.Deployment(output).Spec.Template.Spec.Container("config-watcher").Env.ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal("/config/payment-service", env["SIDECARGEN_ETCD_PREFIX"]);
        Directory.CreateDirectory(ConfigDir);
        env["SIDECARGEN_ETCD_ENDPOINT"] = endpoint;
        env["SIDECARGEN_CONFIG_DIR"] = ConfigDir;
        env["SIDECARGEN_READY_FILE"] = ReadyFile;
        env["PATH"] = StandIn() + ":" + Environment.GetEnvironmentVariable("PATH");

        // unshare: the script as PID 1 of a new PID namespace, as in its container.
        var start = unshare is null
            ? Processes.Start("/bin/sh", new[] { script }, env, out var log)
            : Processes.Start(unshare, new[] { "--user", "--map-root-user", "--pid", "--fork", "--kill-child", "/bin/sh", script }, env, out log);
        processes.Add(start);
        return log;
    }

    /// <summary>An etcdctl that runs the real one, except a <c>get</c> while <see cref="FailGet"/> says so (as a timeout or a compacted revision would).</summary>
    private string StandIn()
    {
        var bin = Directory.CreateDirectory(Path.Combine(folder, "bin")).FullName;
        var path = Path.Combine(bin, "etcdctl");
        File.WriteAllText(path, $$"""
            #!/bin/sh
            if [ -f '{{FailGet}}' ]; then
              for argument in "$@"; do
                case "$argument" in get) mode=$(cat '{{FailGet}}') ;; esac
              done
              case "${mode:-}:$*" in
                all:* | per-key:*--print-value-only*) echo "Error: context deadline exceeded (stand-in)" >&2; exit 1 ;;
              esac
            fi
            exec '{{etcdctl}}' "$@"
            """.Replace("\r\n", "\n"));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return bin;
    }

    private void Put(string key, string value) => Assert.Equal(0, Etcdctl("put", key, value).ExitCode);

    private (int ExitCode, string Output) Etcdctl(params string[] arguments) =>
        Processes.Run(etcdctl, arguments.Prepend("--endpoints=" + endpoint), Api3);

    private string[] Files() => Directory.GetFiles(ConfigDir).Select(Path.GetFileName).Where(name => !name!.StartsWith('.')).Order().ToArray()!;

    private string Read(string name) => File.ReadAllText(Path.Combine(ConfigDir, name)).TrimEnd('\n');

    private static int Count(StringBuilder log, string text)
    {
        lock (log)
        {
            return log.ToString().Split(text).Length - 1;
        }
    }

    private bool IsOurWatch(int pid) => CommandLine(pid) is { } line && line.Contains("watch") && line.Contains(endpoint);

    private static IEnumerable<int> Descendants(int pid)
    {
        var children = File.Exists($"/proc/{pid}/task/{pid}/children") ? File.ReadAllText($"/proc/{pid}/task/{pid}/children") : string.Empty;
        foreach (var child in children.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse))
        {
            yield return child;
            foreach (var grandchild in Descendants(child))
            {
                yield return grandchild;
            }
        }
    }

    private static IEnumerable<int> AllProcesses() =>
        Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(name => name!.All(char.IsDigit)).Select(name => int.Parse(name!));

    private static string? CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
