using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SidecarGen.Pod;
using SidecarGen.Rules;

namespace SidecarGen.Sidecars.AuthProxy;

/// <summary>
/// <c>[AuthProxySidecar]</c>: oauth2-proxy in front of the next hop inward. It authenticates every
/// request against the OIDC issuer and forwards to <c>localhost</c>; the app stays unaware. The
/// client id, client secret and cookie secret come from the Secret <c>SecretName</c> only: the client
/// secret as a file (<c>--client-secret-file</c>), the other two as environment variables. The cookie
/// secret stays an environment variable because <c>--cookie-secret-file</c> wants raw key bytes, not the
/// base64 text every oauth2-proxy guide tells users to generate.
/// </summary>
internal sealed class AuthProxySidecar : SidecarKind<AuthProxySidecarAttribute, AuthProxyOptions>
{
    /// <summary>oauth2-proxy, distroless image.</summary>
    public const string Image = "quay.io/oauth2-proxy/oauth2-proxy:v7.12.0";

    public const string ClientIdKey = "client-id";
    public const string ClientSecretKey = "client-secret";
    public const string CookieSecretKey = "cookie-secret";
    private static readonly string[] AnyDomain = { "*" };

    /// <summary>
    /// oauth2-proxy proxies through Go's <c>httputil.NewSingleHostReverseProxy</c> (pkg/upstream/http.go at v7.12.0): the
    /// <c>X-Forwarded-Proto</c> it received goes on unchanged, and it appends its client to <c>X-Forwarded-For</c>.
    /// </summary>
    public override bool ForwardsScheme => true;

    /// <summary>
    /// oauth2-proxy v7.12.0 proxies to its upstream with a clone of Go's <c>http.DefaultTransport</c>
    /// (pkg/upstream/http.go), which speaks HTTP/2 only over TLS: never to a cleartext (h2c) app.
    /// </summary>
    public override string? CannotCarry(ServiceProtocol protocol) => protocol == ServiceProtocol.Http
        ? null
        : "oauth2-proxy calls its upstream with Go's HTTP client, which speaks HTTP/2 only over TLS, so it cannot reach an app that speaks only cleartext HTTP/2";

    public override IEnumerable<string> DefaultImages => new[] { Image };

    protected override AuthProxyOptions ReadOptions(AuthProxySidecarAttribute attribute) => AuthProxyOptions.Read(attribute);

    protected override string? DefaultImage(AuthProxyOptions options) => Image;

    protected override IEnumerable<PortProperty> Ports(AuthProxyOptions options) =>
        new[] { new PortProperty(nameof(AuthProxySidecarAttribute.Port), options.Port) };

    protected override void Check(AuthProxyOptions options, AttributeFindings findings)
    {
        SidecarChecks.SecretName(findings, nameof(AuthProxySidecarAttribute.SecretName), options.SecretName);
        SidecarChecks.Url(findings, nameof(AuthProxySidecarAttribute.IssuerUrl), options.IssuerUrl, SidecarChecks.HttpUrl(options.IssuerUrl), required: true);
    }

    protected override SidecarSpec Plan(AuthProxyOptions options, SidecarContext context)
    {
        var port = options.Port;
        var secretName = options.SecretName is { Length: > 0 } secret ? secret : context.ServiceName + "-auth-proxy";
        var clientSecret = new SecretFileSpec(new SecretKeySpec(secretName, ClientSecretKey));
        var portSpec = new PortSpec("auth-http", port);

        var args = new List<string>
        {
            "--http-address=0.0.0.0:" + port.ToString(CultureInfo.InvariantCulture),
            "--upstream=http://127.0.0.1:" + context.UpstreamPort.ToString(CultureInfo.InvariantCulture) + "/",
            "--provider=" + options.Provider,
        };
        if (options.IssuerUrl is { Length: > 0 } issuer)
        {
            args.Add("--oidc-issuer-url=" + issuer);
        }

        args.AddRange((options.EmailDomains.IsEmpty ? AnyDomain : options.EmailDomains.AsEnumerable()).Select(domain => "--email-domain=" + domain));
        args.AddRange(new[]
        {
            "--client-secret-file=" + clientSecret.Path,
            "--cookie-secure=true",
            "--reverse-proxy=true",
            "--skip-provider-button=true",
            "--silence-ping-logging=true",
        });

        var container = CommonSettings.Container(
            options.Common,
            CommonSettings.Image(options.Common, Image),
            Enumerable.Empty<string>(),
            args,
            new[] { portSpec },
            new[]
            {
                EnvVarSpec.FromSecret("OAUTH2_PROXY_CLIENT_ID", new SecretKeySpec(secretName, ClientIdKey)),
                EnvVarSpec.FromSecret("OAUTH2_PROXY_COOKIE_SECRET", new SecretKeySpec(secretName, CookieSecretKey)),
            },
            Enumerable.Empty<MountSpec>(),
            ProbeSpec.Http(portSpec.Name, "/ping"),
            new[] { clientSecret });

        return new SidecarSpec(
            container,
            InboundPort: port);
    }
}
