using System.Globalization;
using System.Text;
using SidecarGen.Model;
using SidecarGen.Planning;

namespace SidecarGen.Sidecars;

/// <summary>
/// <c>[TlsTerminationSidecar]</c>: an unprivileged nginx serving HTTPS on <c>Port</c> with the
/// certificate of the Secret <c>TlsSecretName</c> (keys <c>tls.crt</c>, <c>tls.key</c>, as cert-manager
/// writes them) and proxying plain HTTP to the next hop on localhost.
/// </summary>
internal static class TlsTerminationSidecar
{
    public const string DefaultName = "tls-termination";
    public const int DefaultPort = 8443;
    public const string HealthPath = "/sidecargen/tls-health";
    private const string ConfigFile = "nginx.conf";

    public static SidecarSpec Build(SidecarDeclaration sidecar, SidecarContext context)
    {
        var arguments = sidecar.Arguments;
        var name = CommonSettings.Name(sidecar, DefaultName);
        var port = arguments.GetInt("Port") ?? DefaultPort;
        var secretName = arguments.GetString("TlsSecretName") is { Length: > 0 } secret ? secret : context.ServiceName + "-tls";
        var certificate = new SecretFileSpec(new SecretKeySpec(secretName, "tls.crt"));
        var key = new SecretFileSpec(new SecretKeySpec(secretName, "tls.key"));
        var portSpec = new PortSpec("tls-https", port);

        var container = CommonSettings.Container(
            sidecar,
            name,
            CommonSettings.Image(sidecar, DefaultImages.Nginx),
            new[] { "nginx" },
            new[] { "-c", SidecarSpec.ConfigMount(name) + "/" + ConfigFile, "-g", "daemon off;" },
            new[] { portSpec },
            System.Array.Empty<EnvVarSpec>(),
            new[] { CommonSettings.ConfigMount(name), new MountSpec(name + "-tmp", "/tmp", ReadOnly: false) },
            ProbeSpec.HttpsGet(portSpec.Name, HealthPath),
            new[] { certificate, key });

        return new SidecarSpec(
            container,
            CommonSettings.Concerns(sidecar, Concerns.TlsTermination),
            EquatableArray.Of(new ConfigFileSpec(ConfigFile, Render(port, context.UpstreamPort, certificate.Path, key.Path))),
            EquatableArray<SharedVolumeSpec>.Empty,
            EquatableArray<EnvVarSpec>.Empty,
            EquatableArray<KeyValue>.Empty,
            InboundPort: port,
            InboundTls: true);
    }

    /// <summary>
    /// Every path nginx writes (pid, temp files) is under /tmp: the root filesystem is read-only.
    /// The health location answers without touching the next hop, so the probe checks nginx alone.
    /// </summary>
    public static string Render(int port, int upstreamPort, string certificatePath, string keyPath)
    {
        var text = new StringBuilder()
            .Append("worker_processes 1;\n")
            .Append("pid /tmp/nginx.pid;\n")
            .Append("error_log /dev/stderr warn;\n\n")
            .Append("events {\n    worker_connections 1024;\n}\n\n")
            .Append("http {\n")
            .Append("    access_log /dev/stdout;\n")
            .Append("    server_tokens off;\n")
            .Append("    client_body_temp_path /tmp/client_temp;\n")
            .Append("    proxy_temp_path /tmp/proxy_temp;\n")
            .Append("    fastcgi_temp_path /tmp/fastcgi_temp;\n")
            .Append("    uwsgi_temp_path /tmp/uwsgi_temp;\n")
            .Append("    scgi_temp_path /tmp/scgi_temp;\n\n")
            .Append("    server {\n")
            .Append("        listen ").Append(Text(port)).Append(" ssl;\n")
            .Append("        ssl_certificate ").Append(certificatePath).Append(";\n")
            .Append("        ssl_certificate_key ").Append(keyPath).Append(";\n")
            .Append("        ssl_protocols TLSv1.2 TLSv1.3;\n")
            .Append("        ssl_session_cache shared:SSL:10m;\n\n")
            .Append("        location = ").Append(HealthPath).Append(" {\n")
            .Append("            access_log off;\n")
            .Append("            return 200 \"ok\\n\";\n")
            .Append("        }\n\n")
            .Append("        location / {\n")
            .Append("            proxy_pass http://127.0.0.1:").Append(Text(upstreamPort)).Append(";\n")
            .Append("            proxy_http_version 1.1;\n")
            .Append("            proxy_set_header Host $host;\n")
            .Append("            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n")
            .Append("            proxy_set_header X-Forwarded-Proto https;\n")
            .Append("        }\n")
            .Append("    }\n")
            .Append("}\n");
        return text.ToString();
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
