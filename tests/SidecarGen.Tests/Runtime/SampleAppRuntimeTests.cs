using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Runtime;

/// <summary>
/// The sample app (samples/PaymentService, published) behind the TLS termination sidecar and with
/// the etcd config watcher, from the Compose file the generator writes, run for real beside a real
/// etcd server. Stand-ins: Debian's nginx for nginxinc/nginx-unprivileged and Debian's etcd 3.4 for
/// bitnami/etcd 3.5 (tests/runtime/images says what differs).
/// </summary>
[Collection(RuntimeCollection.Name)]
[Trait("Category", "Runtime")]
public sealed class SampleAppRuntimeTests(RuntimeFixture fixture)
{
    private const string AppImage = "registry.example.com/payment-service:2.0.1";

    private const string Source = """
        using SidecarGen;

        [SidecarService("payment-service", Image = "registry.example.com/payment-service:2.0.1", Port = 28080)]
        [TlsTerminationSidecar(TlsSecretName = "payment-tls")]
        [ConfigWatcherSidecar(Source = ConfigSource.Etcd, Address = "http://etcd:2379", Key = "/config/payment-service")]
        public partial class Program;
        """;

    /// <summary>The real etcd the watcher reads: the test's own service, beside the generated ones.</summary>
    private static string EtcdServer(string image) => $"""
        services:
          etcd:
            image: {image}
            command: ["--name", "etcd", "--data-dir", "/tmp/etcd", "--listen-client-urls", "http://0.0.0.0:2379", "--advertise-client-urls", "http://etcd:2379"]
            tmpfs: ["/tmp"]
        """;

    [SkippableFact]
    public async Task The_sample_answers_HTTPS_through_nginx_and_follows_etcd_after_the_first_sync()
    {
        var engine = fixture.Engine;
        using var certificate = SelfSigned("localhost");
        var environment = new Dictionary<string, string>
        {
            ["PAYMENT_TLS_TLS_CRT"] = certificate.ExportCertificatePem(),
            ["PAYMENT_TLS_TLS_KEY"] = certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem(),
        };
        using var stack = new ComposeStack(engine, GeneratorHarness.Run(Source).Files, environment, EtcdServer(fixture.EtcdServerImage()));
        fixture.BuildImages(stack.Generated, AppImage);
        var app = stack.Generated.ServiceWithImage(AppImage);
        var watcher = stack.Generated.ServiceWithImagePrefix("bitnami/etcd:");
        var tls = stack.Generated.ServiceWithImagePrefix("nginxinc/nginx-unprivileged:");

        // etcd first, holding a value before the app exists; then the generated stack.
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        stack.Up("etcd");
        Etcdctl(stack, "put", "/config/payment-service/Payments/MaxAmount", "500");
        stack.Up();

        // HTTPS on the published port, with the certificate given as the secret: nginx answers, the app replies.
        var (entry, port) = stack.Generated.PublishedPort();
        Assert.NotEqual(app, entry);
        using var client = Client(certificate);
        using (var response = await client.GetAsync($"https://127.0.0.1:{port}/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("\"healthy\"", await response.Content.ReadAsStringAsync());
            Assert.StartsWith("nginx", response.Headers.Server.ToString(), StringComparison.Ordinal);
        }

        // The value put before `up` is there at once; a new one arrives while the app runs.
        Assert.Equal(500m, await MaxAmount(client, port));
        Etcdctl(stack, "put", "/config/payment-service/Payments/MaxAmount", "1234.5");
        await stack.Eventually(async () => await MaxAmount(client, port) == 1234.5m, "the new MaxAmount to reach the app");

        // The app started only after the watcher's first sync (its healthcheck passes on the ready file).
        var events = stack.Events(started);
        var appStart = events.Where(e => e.Service == app && e.Action == "start").Select(e => e.TimeNano).DefaultIfEmpty(long.MaxValue).Min();
        var watcherHealthy = events.Where(e => e.Service == watcher && e.Action == "health_status: healthy").Select(e => e.TimeNano).DefaultIfEmpty(long.MaxValue).Min();
        Assert.True(appStart != long.MaxValue && watcherHealthy != long.MaxValue, "no start event of the app or no healthy event of the watcher:\n" + string.Join("\n", events));
        Assert.True(watcherHealthy < appStart,
            $"the app ({app}) started at {appStart}, before the config watcher ({watcher}) was healthy at {watcherHealthy}:\n" + string.Join("\n", events));

        // Every generated container that runs (one-shot helpers have finished) runs as 10001 on a
        // read-only root filesystem.
        stack.AssertEveryContainerRestricted();

        var (exitCode, output) = engine.TryDocker(new[] { "exec", stack.Container(app), "touch", "/app/written" });
        Assert.True(exitCode != 0 && output.Contains("Read-only file system", StringComparison.Ordinal), output);
        Assert.Equal("10001", engine.Docker("exec", stack.Container(tls), "id", "-u").Trim());

        // Every generated container stops on SIGTERM (the etcd watch loop and the holder included),
        // rather than being killed when the grace period ends; down leaves nothing behind (the config
        // volume included).
        stack.AssertStopsOnSigtermAndLeavesNothing();
    }

    private static void Etcdctl(ComposeStack stack, params string[] arguments) =>
        stack.Compose(new[] { "exec", "-T", "-e", "ETCDCTL_API=3", "etcd", "etcdctl", "--endpoints=http://127.0.0.1:2379" }.Concat(arguments).ToArray());

    private static async Task<decimal> MaxAmount(HttpClient client, int port)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync($"https://127.0.0.1:{port}/payments/limits"));
        return document.RootElement.GetProperty("maxAmount").GetDecimal();
    }

    /// <summary>Accepts exactly the certificate the test gave nginx as its secret.</summary>
    private static HttpClient Client(X509Certificate2 expected) => new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == expected.Thumbprint,
    }) { Timeout = TimeSpan.FromSeconds(10) };

    private static X509Certificate2 SelfSigned(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}
