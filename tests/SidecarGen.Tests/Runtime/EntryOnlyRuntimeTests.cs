using System.Net;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Runtime;

/// <summary>
/// No way around the entry sidecar (docs/pod-entry.md): the sample app behind the auth proxy, from the
/// generated Compose file, run for real. The app (a real ASP.NET Core app on an image that sets
/// <c>ASPNETCORE_HTTP_PORTS=8080</c>, as the official ones do) listens on 127.0.0.1 only, so another
/// container on the Compose network is refused on the app's port while the auth proxy answers on the
/// entry port; the app's health check (the command its Kubernetes probes run) passes inside its own
/// container, and so do the health gates of <c>up --wait</c>.
/// </summary>
[Collection(RuntimeCollection.Name)]
[Trait("Category", "Runtime")]
public sealed class EntryOnlyRuntimeTests(RuntimeFixture fixture)
{
    private const string AppImage = "registry.example.com/checkout:3.1.0";

    private const int AppPort = 28091;

    private const string Source = """
        using SidecarGen;

        [SidecarService("checkout", Image = "registry.example.com/checkout:3.1.0", Port = 28091)]
        [AuthProxySidecar(IssuerUrl = "https://login.example.com/realms/shop", SecretName = "checkout-auth")]
        public partial class Program;
        """;

    [SkippableFact]
    public async Task Another_container_is_refused_on_the_apps_port_while_the_entry_answers()
    {
        var engine = fixture.Engine;
        var output = GeneratorHarness.Run(Source);
        using var stack = new ComposeStack(engine, output.Files, AuthProxyRuntimeTests.Secrets("CHECKOUT_AUTH", "checkout"));
        fixture.BuildImages(stack.Generated, AppImage);
        var app = stack.Generated.ServiceWithImage(AppImage);
        var proxy = stack.Generated.ServiceWithImagePrefix("quay.io/oauth2-proxy/oauth2-proxy:");
        stack.Up(); // --wait: every health check passes, the app's included, and the app started after the proxy was healthy

        // The app bound what the generated environment says, and nothing else; the image's 8080 neither binds nor warns.
        var appContainer = stack.Container(app);
        var logs = stack.Compose("logs", "--no-color", app);
        Assert.Contains($"Now listening on: http://127.0.0.1:{AppPort}", logs);
        Assert.DoesNotContain("Overriding HTTP_PORTS", logs);
        Assert.DoesNotContain(":8080", logs);

        // From another container on the project's network, by the service's name: the app's port is refused, the entry answers.
        var (holder, published) = stack.Generated.PublishedPort();
        var entryPort = (long)YamlJson.Parse(output["compose/compose.yaml"])["services"]![holder]!["ports"]![0]!["target"]!;
        var network = stack.Inspect(stack.Container(holder), "{{range $name, $_ := .NetworkSettings.Networks}}{{$name}}{{end}}");
        var bypass = Neighbour(engine, network, "checkout", AppPort, "/healthz");
        Assert.True(bypass.ExitCode != 0 && bypass.Output.Contains("Connection refused", StringComparison.Ordinal), $"the app's port did not refuse a neighbour (exit {bypass.ExitCode}):\n{bypass.Output}");
        var throughEntry = Neighbour(engine, network, "checkout", entryPort, "/healthz");
        Assert.True(throughEntry.ExitCode == 0, throughEntry.Output);
        Assert.EndsWith("\"healthy\"", throughEntry.Output.Trim()); // after the engine's IPv4 forwarding warning
        Assert.Contains("oauth2-proxy stand-in: GET /healthz", stack.Compose("logs", "--no-color", proxy));

        // And from the host through the published port, as before.
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using (var response = await client.GetAsync($"http://127.0.0.1:{published}/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // The Kubernetes probes of the app, run as the kubelet runs an exec probe: in the app's container,
        // which mounts the tools at the path the Deployment's volume gives them.
        var pod = KubernetesObjects.Deployment(output).Spec.Template.Spec;
        var probe = pod.Container("checkout").ReadinessProbe.Exec.Command;
        var (exitCode, probeOutput) = engine.TryDocker(new[] { "exec", appContainer }.Concat(probe));
        Assert.True(exitCode == 0, $"the Kubernetes probe {string.Join(' ', probe)} failed in the app's container:\n{probeOutput}");

        // The same command fails once the app is gone (run in the proxy's container, the same network namespace): it checks the app.
        stack.Compose("stop", app);
        var proxyContainer = stack.Container(proxy);
        Assert.Equal("true", stack.Inspect(proxyContainer, "{{.State.Running}}"));
        Assert.NotEqual(0, engine.TryDocker(new[] { "exec", proxyContainer }.Concat(probe)).ExitCode);

        stack.Down();
        Assert.Equal((string.Empty, string.Empty), stack.Leftovers());
    }

    /// <summary>
    /// A GET from a container of its own on <paramref name="network"/>, to <paramref name="host"/> as the
    /// network's DNS resolves it: the body, or wget's error. The test's base image: glibc's <c>getent</c>
    /// resolves the name, busybox's wget asks (its static glibc build crashes on a DNS lookup, and with <c>-T</c>).
    /// </summary>
    private (int ExitCode, string Output) Neighbour(ContainerEngine engine, string network, string host, long port, string path) =>
        engine.TryDocker(new[]
        {
            "run", "--rm", "--network", network, "--user", "10001:10001", "--read-only", fixture.Images.Base,
            "sh", "-c", "address=$(getent hosts \"$1\" | cut -d' ' -f1) && exec timeout 5 wget -q -O - \"http://$address:$2$3\"", "neighbour", host, port.ToString(), path,
        }, timeoutSeconds: 60);
}
