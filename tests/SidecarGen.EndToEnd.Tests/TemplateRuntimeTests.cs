using System.Net;
using SidecarGen.Tests.Infrastructure;
using SidecarGen.Tests.Runtime;

namespace SidecarGen.EndToEnd.Tests;

/// <summary>
/// What the template promises, run for real: a service made by <c>dotnet new sidecargen-service</c> from the
/// packed template and published is started as generated, from the Compose file its build wrote into
/// bin/Release/net10.0/deploy/compose: the app (its image built locally from the published service,
/// tests/runtime/images/app) with its logging sidecar and the Pod's holder (the pinned images' stand-ins
/// from tests/runtime/images; the Fluent Bit one reads the generated configuration and does what Fluent
/// Bit v4.0.3 documents for its keys, citing each source). The app's Compose health check asks the probe
/// path (<c>HealthPath</c>, /healthz) and turns healthy; the lines the app logs (its LogFiles.cs writes
/// them into LogPath) reach the logging sidecar through the volume they share and leave it as JSON
/// records carrying the service's name. It lives here, not beside the other runtime tests, because only
/// this project packs the template (once, <see cref="PackedPackageCollection"/>); the engine, images and
/// Compose driver are theirs, linked in.
/// </summary>
[Trait("Category", "Runtime")]
[Collection(PackedPackageCollection.Name)]
public sealed class TemplateRuntimeTests(PackedPackage package)
{
    private const string Name = "Template.Runtime";

    /// <summary>The service's name and image as the template's project gives them (the project's name, its <c>Version</c> 1.0.0).</summary>
    private const string Service = "template-runtime";
    private const string AppImage = "template-runtime:1.0.0";

    [SkippableFact]
    public async Task A_service_from_the_template_turns_healthy_and_its_log_lines_reach_its_logging_sidecar()
    {
        var engine = ContainerEngine.Require();
        var project = TemplateService.Create(package, Name);
        var published = Path.Combine(package.Root, Name + ".published");
        // Framework-dependent on the runtime the stand-in app image copies in, which has no ICU (as RuntimeFixture publishes the samples).
        DotNet.Succeed(project, "publish", "-c", "Release", "-o", published, "-p:UseAppHost=false", "-p:InvariantGlobalization=true");
        var deploy = Path.Combine(project, "bin", "Release", "net10.0", "deploy");
        var files = Directory.EnumerateFiles(deploy, "*", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(deploy, path).Replace('\\', '/'), File.ReadAllText);

        // A free host port instead of the file's default 8080, which the Shop's runtime test publishes too.
        var hostPort = Processes.FreePort();
        using var stack = new ComposeStack(engine, files, new Dictionary<string, string> { [Service.ToUpperInvariant().Replace('-', '_') + "_HOST_PORT"] = hostPort.ToString() });
        var images = new RuntimeImages(engine);
        foreach (var image in stack.Generated.Services.Keys.Select(stack.Generated.Image).Distinct())
        {
            if (image == AppImage)
            {
                images.BuildApp(image, published, Name);
            }
            else
            {
                images.BuildStandIn(image);
            }
        }

        stack.Up(); // --wait: every health check passes, the app's included
        var app = stack.Generated.ServiceWithImage(AppImage);
        Assert.Equal(Service, app);
        Assert.Contains("http://127.0.0.1:8080/healthz", stack.Generated.Healthcheck(app));
        Assert.Equal("healthy", stack.Inspect(stack.Container(app), "{{.State.Health.Status}}"));

        // The app answers on the published port (the holder's, the Pod's one network namespace).
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var health = await http.GetAsync($"http://127.0.0.1:{hostPort}/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var token = Guid.NewGuid().ToString("N");
        Assert.StartsWith("Hello from", await http.GetStringAsync($"http://127.0.0.1:{hostPort}/?from={token}"));

        // ASP.NET Core logs each request ("Request starting HTTP/1.1 GET http://…/?from=<token>") and its
        // start ("Now listening on"); LogFiles.cs writes both to /var/log/app/app.log, and the agent's
        // stdout output prints each as a JSON record. Read with docker logs: Compose 2.26's `logs` starts
        // every line with an erase-line escape (DurableLoggingRuntimeTests).
        var agent = stack.Container(stack.Generated.ServiceWithImagePrefix("cr.fluentbit.io/fluent/fluent-bit:"));
        bool Shipped(string text) => engine.TryDocker(new[] { "logs", agent }).Output.Split('\n')
            .Any(line => line.Contains(text, StringComparison.Ordinal) && line.Contains($"\"service\":\"{Service}\"", StringComparison.Ordinal));
        await stack.Eventually(() => Task.FromResult(Shipped("/?from=" + token)), "the app's log line about the request to reach its logging sidecar", seconds: 30);
        Assert.True(Shipped("Now listening on: http://[::]:8080"), "the app's start-up line did not reach its logging sidecar\n" + stack.Diagnose());

        stack.AssertEveryContainerRestricted();
        stack.Down();
        Assert.Equal((string.Empty, string.Empty), stack.Leftovers());
    }
}
