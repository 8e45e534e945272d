using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Sidecars;

/// <summary>The TLS termination sidecar's nginx.conf, checked by a real nginx (Debian's package).</summary>
public sealed class NginxConfigTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sidecargen-nginx-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [SkippableFact]
    public void Nginx_accepts_the_generated_configuration()
    {
        var nginx = RealTool.Require("nginx");
        var output = GeneratorHarness.Run(SidecarDeclarations.Service("TlsTerminationSidecar(TlsSecretName = \"payments-tls\")", "AuthProxySidecar(IssuerUrl = \"https://login.example.com\")"));
        var config = output["compose/config/payment-service-tls-termination/nginx.conf"];
        Assert.Contains("proxy_pass http://127.0.0.1:4180;", config);

        // nginx's default body limit (1 MB) would refuse with 413 what the app itself accepts (Kestrel: 30 MB).
        Assert.Contains("client_max_body_size 0;", config);

        var (exitCode, log) = Test(nginx, config);
        Assert.True(exitCode == 0, log);
        Assert.Contains("syntax is ok", log);
        Assert.Contains("test is successful", log);
    }

    /// <summary>
    /// A gRPC app behind nginx: HTTP/2 in, <c>grpc_pass</c> out. The pinned image (1.27.3) turns HTTP/2 on
    /// with the <c>http2</c> directive (nginx 1.25.1+); the nginx here is older, so that one line is
    /// swapped for its older form, <c>listen … ssl http2</c>, and everything else is checked as generated.
    /// </summary>
    [SkippableFact]
    public void Nginx_accepts_the_grpc_configuration()
    {
        var nginx = RealTool.Require("nginx");
        var output = GeneratorHarness.Run(Generator.ProtocolTests.Greeter("Grpc", "TlsTerminationSidecar"));
        var config = output["compose/config/payment-service-tls-termination/nginx.conf"];
        Assert.Contains("        listen 8443 ssl;\n", config);
        Assert.Contains("        http2 on;\n", config);
        Assert.Contains("grpc_pass grpc://127.0.0.1:8080;", config);

        var (exitCode, log) = Test(nginx, config.Replace("        listen 8443 ssl;\n", "        listen 8443 ssl http2;\n").Replace("        http2 on;\n", string.Empty));

        Assert.True(exitCode == 0, log);
        Assert.Contains("test is successful", log);
    }

    /// <summary>
    /// <c>nginx -t</c> of <paramref name="config"/>. The certificate nginx loads is the Secret's
    /// tls.crt/tls.key; here a fresh self-signed pair stands in for it at a temporary path.
    /// </summary>
    private (int ExitCode, string Log) Test(string nginx, string config)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=payment-service", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(folder, "tls.crt"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "tls.key"), key.ExportPkcs8PrivateKeyPem());
        var configPath = Path.Combine(folder, "nginx.conf");
        File.WriteAllText(configPath, System.Text.RegularExpressions.Regex.Replace(config, "/run/secrets/[a-z-]+/", folder + "/"));
        return Processes.Run(nginx, new[] { "-t", "-c", configPath });
    }
}
