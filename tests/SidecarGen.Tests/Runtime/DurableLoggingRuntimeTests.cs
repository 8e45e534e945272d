using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Runtime;

/// <summary>
/// Nothing lost, run for real from the generated Compose file: an app (tests/runtime/images/log-app)
/// writes numbered lines into its log folder, the Fluent Bit sidecar ships them to an Elasticsearch
/// bulk endpoint under the endpoint's path (tests/runtime/images/log-sink, the test's own service),
/// and every number arrives although the agent is killed while the app writes, although the
/// destination is away for a while, and after the log volume has been full. Fluent Bit cannot run
/// here: its stand-in (tests/runtime/images/fluent-bit) reads the generated configuration and does
/// what Fluent Bit v4.0.3 documents for the keys it sets (position database, filesystem chunks,
/// retries, Rotate_Wait), each behaviour citing its source, so a missing key shows up as a lost number.
/// </summary>
[Collection(RuntimeCollection.Name)]
[Trait("Category", "Runtime")]
public sealed class DurableLoggingRuntimeTests(RuntimeFixture fixture)
{
    private const string AppImage = "registry.example.com/durable-logs:1.0.0";
    private const string SinkImage = "sidecargen-runtime/log-sink:local";

    private const string Source = """
        using SidecarGen;

        [SidecarService("durable-logs", Image = "registry.example.com/durable-logs:1.0.0", Port = 28093)]
        [LoggingSidecar(Output = LogOutput.Elasticsearch, Endpoint = "http://logsink:9200/es", VolumeSizeLimit = "8Mi")]
        public partial class Program;
        """;

    private const string TestServices = """
        services:
          logsink:
            image: sidecargen-runtime/log-sink:local
            environment:
              PREFIX: /es
            user: '10001:10001'
            read_only: true
            restart: 'no'
        """;

    [SkippableFact]
    public async Task Every_line_arrives_across_an_agent_crash_an_outage_and_a_full_log_volume()
    {
        var engine = fixture.Engine;
        using var stack = new ComposeStack(engine, GeneratorHarness.Run(Source).Files, new Dictionary<string, string>(), TestServices);
        fixture.BuildImage("log-app", AppImage);
        fixture.BuildImage("log-sink", SinkImage);
        fixture.BuildImages(stack.Generated, new Dictionary<string, string>());
        stack.Up();
        var app = stack.Container(stack.Generated.ServiceWithImage(AppImage));
        var logging = stack.Generated.ServiceWithImagePrefix("cr.fluentbit.io/fluent/fluent-bit:");
        var holder = stack.Container(stack.Generated.ServiceWithImagePrefix("busybox:"));
        var sink = stack.Container("logsink");

        // Waits until every number from first to last has reached the destination.
        async Task AssertArrive(int first, int last, int seconds = 60)
        {
            var deadline = DateTime.UtcNow.AddSeconds(seconds);
            while (Enumerable.Range(first, last - first + 1).Except(Arrived(engine, sink)).ToList() is { Count: > 0 } missing)
            {
                if (DateTime.UtcNow >= deadline)
                {
                    Assert.Fail($"lines missing at the destination: {string.Join(' ', missing.Take(20))}…; the app's files: {engine.TryDocker(new[] { "exec", app, "sh", "-c", "wc -l /var/log/app/*.log" }).Output}; the agent's state: {engine.TryDocker(new[] { "exec", holder, "/bin/busybox", "ls", "-lR", "/sidecargen-state/logging-state" }).Output}\n{stack.Diagnose()}");
                }

                await Task.Delay(500);
            }
        }

        // 1. The agent is killed (SIGKILL, from the host) while the app writes 1-2000 (20 s at one line
        // every 10 ms, long enough to outlast the agent's first Refresh_Interval and flush); the engine
        // restarts it, and it resumes from its position database and ships its chunks.
        const int Sequence = 2000;
        var agent = stack.Container(logging);
        engine.Docker("exec", "--detach", app, "log-lines", "1", Sequence.ToString());
        await AssertArrive(1, 1, seconds: 30);
        var pid = stack.Inspect(agent, "{{.State.Pid}}");
        Assert.Equal(0, Processes.Run("kill", new[] { "-KILL", pid }).ExitCode);
        var writtenWhenKilled = int.Parse(engine.Docker("exec", app, "sh", "-c", "wc -l < /var/log/app/app.log").Trim());
        Assert.True(writtenWhenKilled < Sequence, $"the app had written all {writtenWhenKilled} lines before the agent was killed: the test proves nothing");
        await stack.Eventually(() => Task.FromResult(stack.Inspect(agent, "{{.RestartCount}}") != "0" && stack.Inspect(agent, "{{.State.Health.Status}}") == "healthy"), "the agent to be restarted and healthy", seconds: 60);
        await AssertArrive(1, Sequence, seconds: 120);
        Assert.Equal("0", stack.Inspect(app, "{{.RestartCount}}"));

        // 2. The destination is away while the app writes 2001-2100: the records wait in chunk files in
        // the agent's state volume (seen from the holder, which keeps it mounted) and arrive once it is back.
        stack.Compose("stop", "logsink");
        engine.Docker("exec", app, "log-lines", "2001", "2100");
        await stack.Eventually(() => Task.FromResult(engine.Docker("exec", holder, "/bin/busybox", "find", "/sidecargen-state/logging-state", "-name", "*.chunk").Trim().Length > 0), "a chunk on disk while the destination is away", seconds: 20);
        await Task.Delay(3000);
        stack.Compose("start", "logsink");
        await AssertArrive(2001, 2100, seconds: 90);

        // 3. The log volume is full (VolumeSizeLimit 8Mi, the tmpfs size): a filler takes what is
        // free, the app writes on into the last page of its file until a write fails with "No space
        // left on device" (where depends on that page, so the test reads it from the app), and
        // nothing else happens: every line written before arrives. The app rotates (rename) and
        // deletes the rotated file and its filler, the agent lets go of what it held, the space is back.
        engine.Docker("exec", app, "mv", "/var/log/app/app.log", "/var/log/app/app.log.1");
        engine.Docker("exec", app, "log-lines", "2101", "2150");
        await AssertArrive(2101, 2150);
        var (fillExit, fill) = engine.TryDocker(new[] { "exec", app, "dd", "if=/dev/zero", "of=/var/log/app/filler", "bs=65536" });
        Assert.NotEqual(0, fillExit);
        Assert.Contains("No space left on device", fill, StringComparison.Ordinal);
        var (writeExit, write) = engine.TryDocker(new[] { "exec", app, "log-lines", "2201", "3200" });
        Assert.Equal(1, writeExit);
        var failed = System.Text.RegularExpressions.Regex.Match(write, @"write of line (\d+) failed: No space left on device");
        Assert.True(failed.Success, $"the app's writes did not fail for want of space: {write}");
        var firstLost = int.Parse(failed.Groups[1].Value);
        Assert.Equal(("true", "0"), (stack.Inspect(app, "{{.State.Running}}"), stack.Inspect(app, "{{.RestartCount}}")));
        Assert.Equal("healthy", stack.Inspect(agent, "{{.State.Health.Status}}"));
        await AssertArrive(2201, firstLost - 1);

        engine.Docker("exec", app, "rm", "/var/log/app/filler", "/var/log/app/app.log.1", "/var/log/app/app.log");
        var agentPid = stack.Inspect(agent, "{{.State.Pid}}");
        await stack.Eventually(() => Task.FromResult(!DeletedButOpen(agentPid).Any()), "the agent to close the deleted files", seconds: 15);
        var usedKiB = long.Parse(engine.Docker("exec", app, "sh", "-c", "df -k /var/log/app | tail -n 1").Split(' ', StringSplitOptions.RemoveEmptyEntries)[2]);
        Assert.True(usedKiB < 1024, $"{usedKiB} KiB still used in the log volume after every file was deleted");
        engine.Docker("exec", app, "log-lines", "3301", "3320");
        await AssertArrive(3301, 3320);
        Assert.DoesNotContain(firstLost, Arrived(engine, sink));

        stack.Down();
        Assert.Equal((string.Empty, string.Empty), stack.Leftovers());
    }

    /// <summary>
    /// The numbers the destination has printed (each as "/es/_bulk line N": the path prefix reached
    /// it), read with <c>docker logs</c>. Not <c>docker compose logs</c>: Compose v2.26 starts every
    /// line it prints with an erase-line escape (ESC[2K) whatever --no-color or --ansi say
    /// (docker/compose v2.26.1, cmd/formatter/logs.go calls ClearLine() unconditionally; v2.27.0
    /// made it obey --ansi), so no line matched and the test saw nothing arrive.
    /// </summary>
    private static HashSet<int> Arrived(ContainerEngine engine, string sink) =>
        engine.TryDocker(new[] { "logs", sink }).Output.Split('\n')
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"^/es/_bulk line (\d+)$"))
            .Where(match => match.Success)
            .Select(match => int.Parse(match.Groups[1].Value))
            .ToHashSet();

    /// <summary>Files the process holds open that have been deleted (their space is not freed until it closes them).</summary>
    private static IEnumerable<string> DeletedButOpen(string pid) =>
        new DirectoryInfo($"/proc/{pid}/fd").GetFiles()
            .Select(fd => fd.LinkTarget ?? string.Empty)
            .Where(target => target.EndsWith(" (deleted)", StringComparison.Ordinal));
}
