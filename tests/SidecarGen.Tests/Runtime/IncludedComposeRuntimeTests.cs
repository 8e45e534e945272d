using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Runtime;

/// <summary>
/// Two services' own Compose files, each built alone with the same app port, combined with
/// <c>include:</c> as docs/compose.md says: <c>docker compose config</c> merges them, each publishes the
/// host port its <c>&lt;SERVICE&gt;_HOST_PORT</c> gives (the app's port when unset, so two alike clash
/// until one is set), and <c>up</c> runs both side by side, each answering on its own host port.
/// </summary>
[Collection(RuntimeCollection.Name)]
[Trait("Category", "Runtime")]
public sealed class IncludedComposeRuntimeTests(RuntimeFixture fixture)
{
    private const string AlphaImage = "registry.example.com/include-alpha:1.0.0";
    private const string BetaImage = "registry.example.com/include-beta:1.0.0";

    private static string Source(string name, string image) => $$"""
        using SidecarGen;

        [SidecarService("{{name}}", Image = "{{image}}", Port = 28097, HealthPath = "/healthz")]
        [LoggingSidecar]
        public partial class Program;
        """;

    [SkippableFact]
    public async Task Two_services_files_combined_with_include_run_side_by_side_on_their_own_host_ports()
    {
        var engine = fixture.Engine;
        var alpha = GeneratorHarness.Run(Source("include-alpha", AlphaImage));
        var beta = GeneratorHarness.Run(Source("include-beta", BetaImage));
        var project = "sidecargen-include-" + Guid.NewGuid().ToString("N")[..8];
        var files = new Dictionary<string, string>
        {
            ["compose/compose.yaml"] = $"name: {project}\ninclude:\n  - alpha/compose.yaml\n  - beta/compose.yaml\n",
        };
        foreach (var (folder, output) in new[] { ("alpha", alpha), ("beta", beta) })
        {
            foreach (var (path, text) in output.Files.Where(file => file.Key.StartsWith("compose/", StringComparison.Ordinal)))
            {
                files["compose/" + folder + "/" + path["compose/".Length..]] = text;
            }
        }

        var environment = new Dictionary<string, string>();
        using var stack = new ComposeStack(engine, files, environment);
        foreach (var (output, image) in new[] { (alpha, AlphaImage), (beta, BetaImage) })
        {
            fixture.BuildImage("log-app", image);
            fixture.BuildImages(new ComposeFile(output["compose/compose.yaml"]), new Dictionary<string, string>());
        }

        // Unset, both publish the app's port: the clash the variables are there to resolve.
        Assert.Equal(new[] { "28097", "28097" }, PublishedPorts(stack));

        // Set, each publishes its own.
        var (alphaPort, betaPort) = (FreePort(), FreePort());
        environment["INCLUDE_ALPHA_HOST_PORT"] = alphaPort.ToString();
        environment["INCLUDE_BETA_HOST_PORT"] = betaPort.ToString();
        Assert.Equal(new[] { alphaPort.ToString(), betaPort.ToString() }, PublishedPorts(stack));

        stack.Up();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var port in new[] { alphaPort, betaPort })
        {
            using var response = await client.GetAsync($"http://127.0.0.1:{port}/healthz");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        stack.Down();
        Assert.Equal((string.Empty, string.Empty), stack.Leftovers());
    }

    /// <summary>The host ports of the merged project, as <c>docker compose config</c> resolves them, in service name order.</summary>
    private static IEnumerable<string> PublishedPorts(ComposeStack stack) =>
        JsonNode.Parse(stack.Compose("config", "--format", "json"))!["services"]!.AsObject()
            .OrderBy(service => service.Key, StringComparer.Ordinal)
            .SelectMany(service => service.Value!["ports"]?.AsArray().Select(port => (string)port!["published"]!) ?? Enumerable.Empty<string>())
            .ToList();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
