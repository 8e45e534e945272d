using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SidecarGen.Model;
using SidecarGen.Planning;

namespace SidecarGen.Sidecars;

/// <summary>
/// <c>[AuthProxySidecar]</c>: oauth2-proxy in front of the next hop inward. It authenticates every
/// request against the OIDC issuer and forwards to <c>localhost</c>; the app stays unaware. The
/// client id, client secret and cookie secret come from the Secret <c>SecretName</c> only: the client
/// secret as a file (<c>--client-secret-file</c>), the other two as environment variables. The cookie
/// secret stays an environment variable because <c>--cookie-secret-file</c> wants raw key bytes, not the
/// base64 text every oauth2-proxy guide tells users to generate.
/// </summary>
internal static class AuthProxySidecar
{
    public const string DefaultName = "auth-proxy";
    public const int DefaultPort = 4180;
    public const string DefaultProvider = "oidc";
    public const string ClientIdKey = "client-id";
    public const string ClientSecretKey = "client-secret";
    public const string CookieSecretKey = "cookie-secret";
    private static readonly string[] AnyDomain = { "*" };

    public static SidecarSpec Build(SidecarDeclaration sidecar, SidecarContext context)
    {
        var arguments = sidecar.Arguments;
        var name = CommonSettings.Name(sidecar, DefaultName);
        var port = arguments.GetInt("Port") ?? DefaultPort;
        var secretName = arguments.GetString("SecretName") is { Length: > 0 } secret ? secret : context.ServiceName + "-auth-proxy";
        var clientSecret = new SecretFileSpec(new SecretKeySpec(secretName, ClientSecretKey));
        var portSpec = new PortSpec("auth-http", port);

        var args = new List<string>
        {
            "--http-address=0.0.0.0:" + port.ToString(CultureInfo.InvariantCulture),
            "--upstream=http://127.0.0.1:" + context.UpstreamPort.ToString(CultureInfo.InvariantCulture) + "/",
            "--provider=" + (arguments.GetString("Provider") is { Length: > 0 } provider ? provider : DefaultProvider),
        };
        if (arguments.GetString("IssuerUrl") is { Length: > 0 } issuer)
        {
            args.Add("--oidc-issuer-url=" + issuer);
        }

        var domains = arguments.GetStrings("EmailDomains");
        args.AddRange((domains.IsEmpty ? AnyDomain : domains.AsEnumerable()).Select(domain => "--email-domain=" + domain));
        args.AddRange(new[]
        {
            "--client-secret-file=" + clientSecret.Path,
            "--cookie-secure=true",
            "--reverse-proxy=true",
            "--skip-provider-button=true",
            "--silence-ping-logging=true",
        });

        var container = CommonSettings.Container(
            sidecar,
            name,
            CommonSettings.Image(sidecar, DefaultImages.OAuth2Proxy),
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
            CommonSettings.Concerns(sidecar, Concerns.Authentication),
            EquatableArray<ConfigFileSpec>.Empty,
            EquatableArray<SharedVolumeSpec>.Empty,
            EquatableArray<EnvVarSpec>.Empty,
            EquatableArray<KeyValue>.Empty,
            InboundPort: port);
    }
}
