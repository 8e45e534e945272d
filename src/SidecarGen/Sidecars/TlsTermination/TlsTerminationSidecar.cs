using System.Collections.Generic;
using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Rules;

namespace SidecarGen.Sidecars.TlsTermination;

/// <summary>
/// <c>[TlsTerminationSidecar]</c>: an unprivileged nginx serving HTTPS on <c>Port</c> with the
/// certificate of the Secret <c>TlsSecretName</c> (keys <c>tls.crt</c>, <c>tls.key</c>, as cert-manager
/// writes them) and proxying plain HTTP to the next hop on localhost.
/// </summary>
internal sealed class TlsTerminationSidecar : SidecarKind<TlsTerminationSidecarAttribute, TlsTerminationOptions>
{
    /// <summary>nginx that runs as non-root and listens on unprivileged ports.</summary>
    public const string Image = "nginxinc/nginx-unprivileged:1.27.3-alpine";

    public const string HealthPath = "/sidecargen/tls-health";

    /// <summary>nginx sends <c>X-Forwarded-Proto: https</c> and appends the client to <c>X-Forwarded-For</c> (<see cref="NginxConfig"/>).</summary>
    public override bool ForwardsScheme => true;

    /// <summary>
    /// nginx's <c>proxy_pass</c> speaks HTTP/1.x to its upstream (<c>proxy_http_version</c> is 1.0 or 1.1);
    /// only <c>grpc_pass</c> speaks cleartext HTTP/2, and only gRPC (ngx_http_grpc_module).
    /// </summary>
    public override string? CannotCarry(ServiceProtocol protocol) => protocol == ServiceProtocol.Http2
        ? "nginx proxies to cleartext HTTP/2 only with grpc_pass, for gRPC; for any other request it speaks HTTP/1.1, which an HTTP/2-only app refuses"
        : null;

    public override IEnumerable<string> DefaultImages => new[] { Image };

    protected override TlsTerminationOptions ReadOptions(TlsTerminationSidecarAttribute attribute) => TlsTerminationOptions.Read(attribute);

    protected override string? DefaultImage(TlsTerminationOptions options) => Image;

    protected override IEnumerable<PortProperty> Ports(TlsTerminationOptions options) =>
        new[] { new PortProperty(nameof(TlsTerminationSidecarAttribute.Port), options.Port) };

    protected override void Check(TlsTerminationOptions options, AttributeFindings findings)
    {
        SidecarChecks.SecretName(findings, nameof(TlsTerminationSidecarAttribute.TlsSecretName), options.TlsSecretName);
        CertificateIssuers.Check(findings, nameof(TlsTerminationSidecarAttribute.CertificateIssuer), options.CertificateIssuer, options.Issuer);
    }

    protected override SidecarSpec Plan(TlsTerminationOptions options, SidecarContext context)
    {
        var name = options.Common.Name;
        var secretName = options.TlsSecretName is { Length: > 0 } secret ? secret : context.ServiceName + "-tls";
        var certificate = new SecretFileSpec(new SecretKeySpec(secretName, "tls.crt"));
        var key = new SecretFileSpec(new SecretKeySpec(secretName, "tls.key"));
        var portSpec = new PortSpec("tls-https", options.Port);

        var container = CommonSettings.Container(
            options.Common,
            CommonSettings.Image(options.Common, Image),
            new[] { "nginx" },
            new[] { "-c", SidecarSpec.ConfigMount(name) + "/" + NginxConfig.FileName, "-g", "daemon off;" },
            new[] { portSpec },
            System.Array.Empty<EnvVarSpec>(),
            new[] { CommonSettings.ConfigMount(name), new MountSpec(name + "-tmp", "/tmp", ReadOnly: false) },
            ProbeSpec.HttpsGet(portSpec.Name, HealthPath),
            new[] { certificate, key });

        return new SidecarSpec(
            container,
            ConfigFiles: EquatableArray.Of(new ConfigFileSpec(NginxConfig.FileName, NginxConfig.Render(options.Port, context.UpstreamPort, context.UpstreamProtocol == ServiceProtocol.Grpc, certificate.Path, key.Path, HealthPath))),
            InboundPort: options.Port,
            InboundTls: true,
            Certificate: CertificateIssuers.For(options.Issuer, certificate, clientAuth: false));
    }
}
