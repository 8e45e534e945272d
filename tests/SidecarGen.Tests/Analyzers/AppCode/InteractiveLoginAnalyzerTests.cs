using Microsoft.CodeAnalysis.Testing;
using SidecarGen.Diagnostics.AppCode;
using SidecarGen.Rules;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Analyzers.AppCode;

/// <summary>
/// SCG0035: an app behind an auth proxy that runs its own interactive login (a redirecting handler, or a
/// cookie scheme that is its challenge scheme); silent for bearer-token APIs, Development-only logins,
/// challenge schemes it cannot read, and apps without an auth proxy.
/// </summary>
public sealed class InteractiveLoginAnalyzerTests
{
    private const string BehindProxy = """

        [SidecarGen.SidecarService("storefront")]
        [{|#1:SidecarGen.AuthProxySidecar(IssuerUrl = "https://login.example.com/realms/shop")|}]
        public partial class Program { }
        """;

    private static readonly PackageIdentity[] OpenIdConnect = { AppPackages.OpenIdConnect };

    [Fact]
    public Task Fires_at_add_open_id_connect_with_the_proxy_as_additional_location() => Verify<InteractiveLoginAnalyzer>.WebAppUsing(
        OpenIdConnect,
        ["""
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;
        using Microsoft.Extensions.DependencyInjection;
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        {|#0:builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie()
            .AddOpenIdConnect(options => options.Authority = builder.Configuration["IdentityUrl"])|};
        builder.Build().Run();
        """ + BehindProxy],
        [Expected().WithMessage("AddOpenIdConnect runs the app's own interactive login, behind the 'auth-proxy' sidecar that already logs every visitor in: users log in twice, and no page of the app stays anonymous; keep one login: remove the app's, reading the user from the proxy's headers or a bearer token, or remove [AuthProxySidecar]")]);

    [Fact]
    public Task Fires_at_microsoft_identity_webs_web_app_logins() => new IdentityWebTest().RunAsync();

    [Fact]
    public Task Fires_at_a_cookie_scheme_named_as_the_default_scheme() => Verify<InteractiveLoginAnalyzer>.WebApp(
        ["""
        using Microsoft.Extensions.DependencyInjection;
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        {|#0:builder.Services.AddAuthentication("Cookies").AddCookie(options => options.LoginPath = "/account/login")|};
        builder.Build().Run();
        """ + BehindProxy],
        [Expected().WithMessage("The cookie scheme 'Cookies' is the app's challenge scheme, so the app sends users to its own login page, behind the 'auth-proxy' sidecar that already logs every visitor in: users log in twice, and no page of the app stays anonymous; keep one login: remove the app's, reading the user from the proxy's headers or a bearer token, or remove [AuthProxySidecar]")]);

    [Fact]
    public Task Fires_at_a_named_cookie_scheme_made_the_challenge_scheme_in_another_file() => Verify<InteractiveLoginAnalyzer>.WebApp(
        ["""
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        Auth.Add(builder.Services);
        builder.Build().Run();
        """ + BehindProxy,
        """
        using Microsoft.Extensions.DependencyInjection;
        internal static class Auth
        {
            private const string Scheme = "shop";

            public static void Add(IServiceCollection services)
            {
                services.AddAuthentication(options => options.DefaultChallengeScheme = Scheme);
                {|#0:services.AddAuthentication().AddCookie(Scheme)|};
            }
        }
        """],
        [Expected()]);

    [Fact]
    public Task Silent_for_a_bearer_token_api() => Verify<InteractiveLoginAnalyzer>.WebAppUsing(
        [AppPackages.JwtBearer],
        ["""
        using Microsoft.AspNetCore.Authentication.JwtBearer;
        using Microsoft.Extensions.DependencyInjection;
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Build().Run();
        """ + BehindProxy],
        []);

    [Fact]
    public Task Silent_for_a_cookie_that_only_keeps_the_session_of_a_bearer_challenge() => Verify<InteractiveLoginAnalyzer>.WebAppUsing(
        [AppPackages.JwtBearer],
        ["""
        using Microsoft.Extensions.DependencyInjection;
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = "Cookies";
                options.DefaultChallengeScheme = "Bearer";
            })
            .AddCookie()
            .AddJwtBearer();
        builder.Build().Run();
        """ + BehindProxy],
        []);

    [Fact]
    public Task Silent_when_the_challenge_scheme_comes_from_configuration_or_is_never_named() => Verify<InteractiveLoginAnalyzer>.WebApp(
        ["""
        using Microsoft.Extensions.DependencyInjection;
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication(builder.Configuration["Auth:Scheme"]!).AddCookie();
        builder.Services.AddAuthentication(options => options.DefaultScheme = builder.Configuration["Auth:Scheme"]).AddCookie("other");
        builder.Services.AddAuthentication().AddCookie("third");
        builder.Build().Run();
        """ + BehindProxy],
        []);

    [Fact]
    public Task Silent_for_a_login_only_in_development() => Verify<InteractiveLoginAnalyzer>.WebAppUsing(
        OpenIdConnect,
        ["""
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddAuthentication("Cookies").AddCookie().AddOpenIdConnect();
        }

        builder.Build().Run();
        """ + BehindProxy],
        []);

    [Fact]
    public Task Silent_without_an_auth_proxy() => Verify<InteractiveLoginAnalyzer>.WebAppUsing(
        OpenIdConnect,
        ["""
        using Microsoft.Extensions.DependencyInjection;
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication("Cookies").AddCookie().AddOpenIdConnect();
        builder.Build().Run();

        [SidecarGen.SidecarService("storefront")]
        [SidecarGen.MetricsSidecar]
        public partial class Program { }
        """],
        []);

    private static DiagnosticResult Expected(int login = 0) =>
        new DiagnosticResult(DiagnosticDescriptors.InteractiveLoginBehindProxy.Id, DiagnosticDescriptors.InteractiveLoginBehindProxy.DefaultSeverity).WithLocation(login).WithLocation(1);

    /// <summary>
    /// Microsoft.Identity.Web's two web-app logins, called on an assembly of that name. A stand-in with the two
    /// methods' shapes (Microsoft.Identity.Web 4.x): the real package's dependency graph does not restore reliably
    /// in the harness here.
    /// </summary>
    private sealed class IdentityWebTest : Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<InteractiveLoginAnalyzer, DefaultVerifier>
    {
        public IdentityWebTest()
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
            TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            TestState.Sources.Add("""
                using Microsoft.Identity.Web;
                var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
                {|#0:builder.Services.AddMicrosoftIdentityWebAppAuthentication(builder.Configuration)|};
                {|#2:new Microsoft.AspNetCore.Authentication.AuthenticationBuilder(builder.Services).AddMicrosoftIdentityWebApp(builder.Configuration.GetSection("AzureAd"))|};
                builder.Build().Run();
                """ + BehindProxy);
            TestState.AdditionalReferences.Add(typeof(SidecarServiceAttribute).Assembly);
            TestState.AdditionalReferences.AddRange(AspNetCore());
            TestState.AdditionalProjectReferences.Add("Microsoft.Identity.Web");
            var library = new ProjectState("Microsoft.Identity.Web", Microsoft.CodeAnalysis.LanguageNames.CSharp, "/IdentityWeb/Test", "cs");
            library.Sources.Add("""
                using Microsoft.AspNetCore.Authentication;
                using Microsoft.Extensions.Configuration;
                using Microsoft.Extensions.DependencyInjection;
                namespace Microsoft.Identity.Web;
                public static class AppServiceCollectionExtensions
                {
                    public static AuthenticationBuilder AddMicrosoftIdentityWebAppAuthentication(this IServiceCollection services, IConfiguration configuration, string configSectionName = "AzureAd") => new(services);
                }

                public static class MicrosoftIdentityWebAppAuthenticationBuilderExtensions
                {
                    public static AuthenticationBuilder AddMicrosoftIdentityWebApp(this AuthenticationBuilder builder, IConfigurationSection configurationSection) => builder;
                }
                """);
            library.AdditionalReferences.AddRange(AspNetCore());
            TestState.AdditionalProjects.Add("Microsoft.Identity.Web", library);
            ExpectedDiagnostics.Add(Expected());
            ExpectedDiagnostics.Add(Expected(2));
        }

        private static System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.MetadataReference> AspNetCore() =>
            new ReferenceAssemblies("net8.0", new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.0"), System.IO.Path.Combine("ref", "net8.0"))
                .ResolveAsync(Microsoft.CodeAnalysis.LanguageNames.CSharp, CancellationToken.None).GetAwaiter().GetResult();
    }
}
