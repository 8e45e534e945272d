using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Runtime;

/// <summary>
/// A custom [Sidecar] with a port, environment and a multi-line <c>sh -c</c> script as its Args,
/// run from the generated Compose file: the script runs every line, sees its variable (a
/// <c>$</c> that Compose must not interpolate), serves on its port inside the app's network
/// namespace (busybox nc: like every sidecar it has a read-only root and no writable folder), and
/// its generated probe reports it healthy. Its image is the plain base image (a
/// shell and busybox, no entrypoint), which is what such a sidecar's image usually is.
/// </summary>
[Collection(RuntimeCollection.Name)]
[Trait("Category", "Runtime")]
public sealed class CustomSidecarRuntimeTests(RuntimeFixture fixture)
{
    private const string AppImage = "registry.example.com/greeter-service:1.0.0";
    private const string SidecarImage = "registry.example.com/greeter:1.0.0";

    private const string Source = """"
        using SidecarGen;

        [SidecarService("greeter-service", Image = "registry.example.com/greeter-service:1.0.0", Port = 28081)]
        [Sidecar("greeter", "registry.example.com/greeter:1.0.0", Ports = new[] { 9000 }, Env = new[] { "GREETING=hello from the sidecar" },
            Args = new[] { "sh", "-c", """
                reply="HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n$GREETING\n"
                nc -ll -p 9000 -e sh -c 'while IFS= read -r line && [ "${#line}" -gt 1 ]; do :; done; printf "$0"' "$reply" &
                trap 'kill $!; exit 0' TERM
                echo "greeter: serving on 9000"
                wait
                """ })]
        public partial class Program;
        """";

    [SkippableFact]
    public void A_custom_sidecar_runs_its_multi_line_script_with_its_env_on_its_port_and_is_probed()
    {
        var engine = fixture.Engine;
        using var stack = new ComposeStack(engine, GeneratorHarness.Run(Source).Files, new Dictionary<string, string>());
        fixture.BuildImages(stack.Generated, AppImage, SidecarImage);
        var app = stack.Generated.ServiceWithImage(AppImage);
        var greeter = stack.Generated.ServiceWithImage(SidecarImage);

        var (exitCode, output) = stack.TryCompose("up", "--detach", "--wait", "--wait-timeout", "180");
        Assert.True(exitCode == 0, output + "\n" + stack.Diagnose());
        Assert.DoesNotContain("GREETING\" variable is not set", output, StringComparison.Ordinal);

        // Served on the sidecar's port, seen from the app's container: they share one network namespace.
        Assert.Equal("hello from the sidecar", engine.Docker("exec", stack.Container(app), "wget", "-q", "-O", "-", "http://127.0.0.1:9000/").Trim());
        Assert.Contains("greeter: serving on 9000", stack.Compose("logs", "--no-color", greeter), StringComparison.Ordinal);

        // Its generated probe checks port 9000 (in decimal, or in hex as /proc/net/tcp lists it),
        // ran and passed: up --wait waited for it.
        var probe = stack.Generated.Healthcheck(greeter);
        Assert.True(probe.Contains("9000", StringComparison.Ordinal) || probe.Contains(":2328 ", StringComparison.Ordinal), $"the greeter's healthcheck does not check port 9000: {probe}");
        Assert.Equal("healthy", stack.Inspect(stack.Container(greeter), "{{.State.Health.Status}}"));

        stack.Down();
        Assert.Equal((string.Empty, string.Empty), stack.Leftovers());
    }
}
