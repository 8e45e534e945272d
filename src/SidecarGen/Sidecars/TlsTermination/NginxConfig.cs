using System.Text;

namespace SidecarGen.Sidecars.TlsTermination;

/// <summary>
/// nginx's configuration: HTTPS in, plain HTTP to the next hop on localhost; for a gRPC app, HTTP/2 in
/// and gRPC out (<c>grpc_pass</c>).
/// </summary>
internal static class NginxConfig
{
    public const string FileName = "nginx.conf";

    /// <summary>
    /// Every path nginx writes (pid, temp files) is under /tmp: the root filesystem is read-only.
    /// The health location answers without touching the next hop, so the probe checks nginx alone.
    /// <c>client_max_body_size 0</c>: the app's own limit applies (Kestrel's 30 MB), not nginx's default of
    /// 1 MB, which would refuse with 413 an upload the app accepts without this sidecar.
    /// </summary>
    public static string Render(int port, int upstreamPort, bool grpc, string certificatePath, string keyPath, string healthPath)
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
            .Append("        listen ").Append(ConfigText.Number(port)).Append(" ssl;\n")
            .Append("        ssl_certificate ").Append(certificatePath).Append(";\n")
            .Append("        ssl_certificate_key ").Append(keyPath).Append(";\n")
            .Append("        ssl_protocols TLSv1.2 TLSv1.3;\n")
            .Append("        ssl_session_cache shared:SSL:10m;\n");
        if (grpc)
        {
            // gRPC clients speak HTTP/2 only; nginx 1.25.1+ turns it on per server (ngx_http_v2_module).
            text.Append("        http2 on;\n");
        }

        text.Append('\n')
            .Append("        location = ").Append(healthPath).Append(" {\n")
            .Append("            access_log off;\n")
            .Append("            return 200 \"ok\\n\";\n")
            .Append("        }\n\n")
            .Append("        location / {\n");
        if (grpc)
        {
            Grpc(text, upstreamPort);
        }
        else
        {
            Http(text, upstreamPort);
        }

        text.Append("        }\n")
            .Append("    }\n")
            .Append("}\n");
        return text.ToString();
    }

    private static void Http(StringBuilder text, int upstreamPort) => text
        .Append("            proxy_pass http://127.0.0.1:").Append(ConfigText.Number(upstreamPort)).Append(";\n")
        .Append("            client_max_body_size 0;\n")
        .Append("            proxy_http_version 1.1;\n")
        .Append("            proxy_set_header Host $host;\n")
        .Append("            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n")
        .Append("            proxy_set_header X-Forwarded-Proto https;\n");

    /// <summary>gRPC to the next hop over cleartext HTTP/2 (ngx_http_grpc_module).</summary>
    private static void Grpc(StringBuilder text, int upstreamPort) => text
        .Append("            grpc_pass grpc://127.0.0.1:").Append(ConfigText.Number(upstreamPort)).Append(";\n")
        .Append("            client_max_body_size 0;\n")
        .Append("            grpc_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n")
        .Append("            grpc_set_header X-Forwarded-Proto https;\n");
}
