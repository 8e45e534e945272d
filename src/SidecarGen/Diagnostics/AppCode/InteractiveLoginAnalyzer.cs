using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SidecarGen.Model;
using SidecarGen.Rules;
using SidecarGen.Sidecars.AuthProxy;

namespace SidecarGen.Diagnostics.AppCode;

/// <summary>
/// SCG0035: an app behind <c>[AuthProxySidecar]</c> that runs its own interactive login. oauth2-proxy
/// already sends every unauthenticated browser to the identity provider; an app that challenges again
/// (OpenID Connect, WS-Federation or OAuth redirects, Microsoft.Identity.Web's web-app login, or a cookie
/// scheme that is the app's challenge scheme, so its login page) makes users log in twice, and its
/// anonymous pages sit behind the proxy's login. Reported at each such registration the compilation
/// shows; silent for token-only APIs (<c>AddJwtBearer</c>), for login code only in Development, and
/// for what the analyzer cannot see (a library, configuration).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InteractiveLoginAnalyzer : AppCodeAnalyzer
{
    // ASP.NET Core's cookie handler's default scheme name (CookieAuthenticationDefaults.AuthenticationScheme)
    // and the parameter AddCookie names it with.
    private const string CookiesScheme = "Cookies";
    private const string SchemeParameter = "authenticationScheme";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.InteractiveLoginBehindProxy);

    private protected override void Start(CompilationStartAnalysisContext start, AppService service)
    {
        var symbols = service.Symbols;
        if (service.Sidecar<AuthProxyOptions>() is not { } proxy || !symbols.HasAspNetCore)
        {
            return;
        }

        var redirects = new[]
        {
            (symbols.Type(WellKnownTypes.OpenIdConnectExtensions), "AddOpenIdConnect"),
            (symbols.Type(WellKnownTypes.WsFederationExtensions), "AddWsFederation"),
            (symbols.Type(WellKnownTypes.OAuthExtensions), "AddOAuth"),
        };
        var cookies = symbols.Type(WellKnownTypes.CookieExtensions);
        var authentication = symbols.Type(WellKnownTypes.AuthenticationServiceCollectionExtensions);

        var logins = new ConcurrentQueue<IInvocationOperation>();
        var cookieLogins = new ConcurrentQueue<IInvocationOperation>();
        var challenges = new ConcurrentDictionary<string, bool>(System.StringComparer.Ordinal);
        start.RegisterOperationAction(
            context =>
            {
                // The registrations read below, by name first: any other call is passed over before its place in the code is walked.
                var invocation = (IInvocationOperation)context.Operation;
                if (invocation.TargetMethod.Name is not ("AddMicrosoftIdentityWebApp" or "AddMicrosoftIdentityWebAppAuthentication" or "AddOpenIdConnect"
                        or "AddWsFederation" or "AddOAuth" or "AddCookie" or "AddAuthentication")
                    || DevelopmentOnly.Contains(invocation, symbols))
                {
                    return;
                }

                if (IsIdentityWebLogin(invocation.TargetMethod))
                {
                    logins.Enqueue(invocation);
                    return;
                }

                foreach (var (type, name) in redirects)
                {
                    if (invocation.Calls(type, name))
                    {
                        logins.Enqueue(invocation);
                        return;
                    }
                }

                if (invocation.Calls(cookies, "AddCookie"))
                {
                    cookieLogins.Enqueue(invocation);
                }
                else if (invocation.Calls(authentication, "AddAuthentication") && ChallengeScheme(invocation) is { } challenge)
                {
                    challenges[challenge] = true;
                }
            },
            OperationKind.Invocation);

        start.RegisterCompilationEndAction(context =>
        {
            var sidecar = FindingLocator.Locate(service.EntryPoint, proxy.Ordinal, null, null, context.CancellationToken);
            foreach (var login in logins)
            {
                Report(context, login, $"{login.TargetMethod.Name} runs the app's own interactive login", proxy, sidecar);
            }

            foreach (var call in cookieLogins)
            {
                if (CookieScheme(call) is { } scheme && challenges.ContainsKey(scheme))
                {
                    Report(context, call, $"The cookie scheme '{scheme}' is the app's challenge scheme, so the app sends users to its own login page", proxy, sidecar);
                }
            }
        });
    }

    private static void Report(CompilationAnalysisContext context, IInvocationOperation login, string what, SidecarDeclaration proxy, Location sidecar) =>
        context.ReportDiagnostic(AppService.Disagreement(
            DiagnosticDescriptors.InteractiveLoginBehindProxy,
            login.Syntax.GetLocation(),
            sidecar,
            $"{what}, behind the '{proxy.Name}' sidecar that already logs every visitor in: users log in twice, and no page of the app stays anonymous; keep one login: remove the app's, reading the user from the proxy's headers or a bearer token, or remove [AuthProxySidecar]"));

    /// <summary>
    /// Microsoft.Identity.Web's <c>AddMicrosoftIdentityWebApp</c> (on the authentication builder) or
    /// <c>AddMicrosoftIdentityWebAppAuthentication</c> (on the services), whichever of its classes declares them.
    /// </summary>
    private static bool IsIdentityWebLogin(IMethodSymbol method) =>
        method.Name is "AddMicrosoftIdentityWebApp" or "AddMicrosoftIdentityWebAppAuthentication"
        && method.ContainingAssembly?.Name == WellKnownTypes.IdentityWebAssembly;

    /// <summary>The scheme an <c>AddCookie</c> call registers: its constant <c>authenticationScheme</c>, "Cookies" for an overload without one; null when not constant.</summary>
    private static string? CookieScheme(IInvocationOperation invocation) =>
        invocation.Argument(SchemeParameter) is { } scheme ? ConstantResolver.String(scheme) : CookiesScheme;

    /// <summary>
    /// The scheme an <c>AddAuthentication</c> call makes the challenge scheme: its constant default scheme, or in its
    /// options lambda the constant <c>DefaultChallengeScheme</c>, else <c>DefaultScheme</c>; null when it sets none or not a constant.
    /// </summary>
    private static string? ChallengeScheme(IInvocationOperation invocation)
    {
        if (invocation.Argument("defaultScheme") is { } scheme)
        {
            return ConstantResolver.String(scheme);
        }

        if (invocation.Argument("configureOptions") is not { } configure)
        {
            return null;
        }

        // The last constant each property is given; a property given anything else is unknown, and so is the result.
        IOperation? challenge = null, fallback = null;
        foreach (var operation in configure.Descendants())
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
            {
                switch (property.Property.Name)
                {
                    case "DefaultChallengeScheme":
                        challenge = assignment.Value;
                        break;
                    case "DefaultScheme":
                        fallback = assignment.Value;
                        break;
                }
            }
        }

        return ConstantResolver.String(challenge ?? fallback);
    }
}
