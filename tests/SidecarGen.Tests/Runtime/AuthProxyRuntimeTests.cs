using System.Net;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Runtime;

/// <summary>
/// The auth proxy from the generated Compose file, with its secrets given the way docs/secrets.md says
/// (variables named after the Secret and key): the client secret reaches the read-only sidecar as
/// the file its generated flags name, and the stack survives the app crashing. The oauth2-proxy
/// stand-in (tests/runtime/images/oauth2-proxy) refuses to start, as oauth2-proxy does, without a
/// client id, client secret and a valid cookie secret, and proxies with nginx instead of doing OIDC.
/// The app is the published sample.
/// </summary>
[Collection(RuntimeCollection.Name)]
[Trait("Category", "Runtime")]
public sealed class AuthProxyRuntimeTests(RuntimeFixture fixture)
{
    private const string AppImage = "registry.example.com/order-service:1.4.2";

    private const string Source = """
        using SidecarGen;

        [SidecarService("order-service", Image = "registry.example.com/order-service:1.4.2", Port = 28082)]
        [AuthProxySidecar(IssuerUrl = "https://login.example.com/realms/shop", SecretName = "order-auth")]
        public partial class Program;
        """;

    [SkippableFact]
    public async Task A_secret_reaches_the_read_only_auth_proxy_as_a_file_and_the_stack_outlives_an_app_crash()
    {
        var engine = fixture.Engine;
        var environment = Secrets("ORDER_AUTH", "order-service");
        var clientSecret = environment["ORDER_AUTH_CLIENT_SECRET"];
        using var stack = new ComposeStack(engine, GeneratorHarness.Run(Source).Files, environment);
        fixture.BuildImages(stack.Generated, AppImage);
        var app = stack.Generated.ServiceWithImage(AppImage);
        var proxy = stack.Generated.ServiceWithImagePrefix("quay.io/oauth2-proxy/oauth2-proxy:");
        stack.Up();

        // The secret is a file in the read-only proxy, where its generated flag says.
        var proxyContainer = stack.Container(proxy);
        Assert.Equal("true", stack.Inspect(proxyContainer, "{{.HostConfig.ReadonlyRootfs}}"));
        var flag = stack.Inspect(proxyContainer, "{{json .Args}}").Trim('[', ']').Split(',').Select(a => a.Trim('"')).Single(a => a.StartsWith("--client-secret-file=", StringComparison.Ordinal));
        var file = flag["--client-secret-file=".Length..];
        Assert.Equal(clientSecret, engine.Docker("exec", proxyContainer, "cat", file).Trim('\n'));
        Assert.Equal($"{clientSecret.Length} {file}", engine.Docker("exec", proxyContainer, "wc", "-c", file).Trim('\n')); // not a byte more

        var (entry, port) = stack.Generated.PublishedPort();
        Assert.NotEqual(app, entry);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await AssertServedThroughProxy(port, stack, proxy);

        // The app crashes (killed from outside, as the kernel's OOM killer would): the engine restarts
        // it and the published port serves again, with no one touching the sidecars.
        var appContainer = stack.Container(app);
        var pid = int.Parse(stack.Inspect(appContainer, "{{.State.Pid}}"));
        var sidecarsBefore = SidecarStarts(stack, app);
        Assert.Equal(0, Processes.Run("kill", new[] { "-KILL", pid.ToString() }).ExitCode);
        await stack.Eventually(async () => int.Parse(stack.Inspect(appContainer, "{{.State.Pid}}")) is var now && now != 0 && now != pid
            && (await client.GetAsync($"http://127.0.0.1:{port}/healthz")).StatusCode == HttpStatusCode.OK, "the stack to serve again after the app's crash", seconds: 90);
        await AssertServedThroughProxy(port, stack, proxy);
        Assert.Equal(sidecarsBefore, SidecarStarts(stack, app));

        stack.Down();
        Assert.Equal((string.Empty, string.Empty), stack.Leftovers());
    }

    /// <summary>
    /// The auth proxy's three keys as <c>docker compose up</c> takes them, under the variables named after
    /// the Secret (<paramref name="secret"/>, upper case): a fresh client secret and a 32-byte cookie secret.
    /// </summary>
    internal static Dictionary<string, string> Secrets(string secret, string clientId) => new()
    {
        [secret + "_CLIENT_ID"] = clientId,
        [secret + "_CLIENT_SECRET"] = "client-secret-" + Guid.NewGuid().ToString("N"),
        [secret + "_COOKIE_SECRET"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray()).Replace('+', '-').Replace('/', '_'),
    };

    /// <summary>A request to the published port, answered by the app and logged by the proxy on its way.</summary>
    private static async Task AssertServedThroughProxy(int port, ComposeStack stack, string proxy)
    {
        var path = "/healthz?request=" + Guid.NewGuid().ToString("N");
        // A client, so a connection, of its own: the stand-in logs the first request line of each connection.
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var response = await client.GetAsync($"http://127.0.0.1:{port}{path}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"healthy\"", await response.Content.ReadAsStringAsync());
        var logs = stack.Compose("logs", "--no-color", proxy);
        Assert.True(logs.Contains("oauth2-proxy stand-in: GET " + path, StringComparison.Ordinal), $"the proxy did not log GET {path}:\n{logs}");
    }

    /// <summary>Each sidecar container's id and start time: the same before and after means nobody restarted them.</summary>
    private static string SidecarStarts(ComposeStack stack, string app) =>
        string.Join("\n", stack.Generated.Services.Keys.Where(service => service != app).Order()
            .Select(service => stack.Container(service) is var id ? $"{service} {id} {stack.Inspect(id, "{{.State.StartedAt}}")}" : string.Empty));
}
