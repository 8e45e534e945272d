using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Runtime;

/// <summary>
/// An HTTP/2-only app (eShop Basket.API's shape), run for real from the generated Compose file: the
/// sample app on real Kestrel, set to HTTP/2 only the way configuration does it
/// (<c>Kestrel:EndpointDefaults:Protocols</c>, here as the environment variable
/// <c>Kestrel__EndpointDefaults__Protocols=Http2</c> baked into the image). With <c>Protocol = Http2</c>
/// its health check passes and <c>up --wait</c> returns, while HTTP/1.1 (what <c>wget</c> and the
/// kubelet's HTTP probes send) is refused.
/// </summary>
[Collection(RuntimeCollection.Name)]
[Trait("Category", "Runtime")]
public sealed class Http2AppRuntimeTests(RuntimeFixture fixture)
{
    private const string AppImage = "registry.example.com/basket-h2:1.0.0";

    private const int AppPort = 28096;

    private const string Source = """
        using SidecarGen;

        [SidecarService("basket-h2", Image = "registry.example.com/basket-h2:1.0.0", Port = 28096, Protocol = ServiceProtocol.Http2)]
        public partial class Program;
        """;

    [SkippableFact]
    public void An_http2_only_app_is_healthy_in_compose_and_refuses_http1()
    {
        var engine = fixture.Engine;
        var output = GeneratorHarness.Run(Source);
        using var stack = new ComposeStack(engine, output.Files, new Dictionary<string, string>());
        fixture.BuildImages(stack.Generated, AppImage);
        var context = Directory.CreateTempSubdirectory("sidecargen-h2-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(context, "Dockerfile"), $"FROM {AppImage}\nENV Kestrel__EndpointDefaults__Protocols=Http2\n");
            engine.Docker("build", "--quiet", "-t", AppImage, context);
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }

        stack.Up(); // --wait: the app's health check (a socket listening on its port) passes
        var app = stack.Generated.ServiceWithImage(AppImage);
        var container = stack.Container(app);
        Assert.Contains($"Now listening on: http://[::]:{AppPort}", stack.Compose("logs", "--no-color", app));

        // HTTP/1.1, as busybox's wget (the Http health check) and the kubelet's HTTP probes send it: refused by Kestrel.
        var http1 = engine.TryDocker(new[] { "exec", container, "/sidecargen/busybox", "wget", "-q", "-O", "-", $"http://127.0.0.1:{AppPort}/healthz" });
        Assert.True(http1.ExitCode != 0, $"HTTP/1.1 was answered by an HTTP/2-only app:\n{http1.Output}");

        // HTTP/2 with prior knowledge, from the host through the published port: answered.
        var (_, published) = stack.Generated.PublishedPort();
        var (exitCode, body) = Processes.Run("curl", new[] { "-sS", "--http2-prior-knowledge", "--max-time", "5", $"http://127.0.0.1:{published}/healthz" });
        Assert.True(exitCode == 0, body);
        Assert.Contains("healthy", body);

        stack.Down();
        Assert.Equal((string.Empty, string.Empty), stack.Leftovers());
    }
}
