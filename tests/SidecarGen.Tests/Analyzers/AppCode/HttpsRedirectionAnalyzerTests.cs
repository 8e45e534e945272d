using Microsoft.CodeAnalysis.Testing;
using SidecarGen.Diagnostics.AppCode;
using SidecarGen.Rules;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Analyzers.AppCode;

/// <summary>
/// SCG0031: HTTPS redirection behind a TLS or auth sidecar, in a host that ignores the forwarded scheme the
/// generator turns on (ASPNETCORE_FORWARDEDHEADERS_ENABLED, honoured by the web host defaults); silent for
/// every host with those defaults, for an app that forwards headers itself, and where the host is not seen.
/// </summary>
public sealed class HttpsRedirectionAnalyzerTests
{
    private const string BehindTls = """
        [SidecarGen.SidecarService("shop")]
        [SidecarGen.TlsTerminationSidecar]
        public partial class Program { }
        """;

    [Fact]
    public Task Fires_at_each_call_in_an_empty_builders_app_with_the_tls_sidecar_as_additional_location() => Verify<HttpsRedirectionAnalyzer>.WebApp(
        ["""
        using Microsoft.AspNetCore.Builder;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = args });
        var app = builder.Build();
        {|#0:app.UseHttpsRedirection()|};
        {|#1:app.UseHsts()|};
        app.Run();

        [SidecarGen.SidecarService("shop")]
        [{|#2:SidecarGen.TlsTerminationSidecar|}]
        public partial class Program { }
        """],
        [
            Expected(0, 2).WithMessage("UseHttpsRedirection sees plain HTTP from the 'tls-termination' sidecar: this host is built without ASP.NET Core's web defaults, so it ignores ASPNETCORE_FORWARDEDHEADERS_ENABLED and the X-Forwarded-Proto the sidecar sends; call app.UseForwardedHeaders() first, with ForwardedHeadersOptions.ForwardedHeaders = XForwardedFor | XForwardedProto"),
            Expected(1, 2),
        ]);

    [Fact]
    public Task Fires_for_a_generic_host_without_web_defaults_and_a_startup_class_in_another_file_behind_the_auth_proxy() => Verify<HttpsRedirectionAnalyzer>.WebApp(
        ["""
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;
        Host.CreateDefaultBuilder(args).ConfigureWebHost(web => web.UseKestrel().UseStartup<Startup>()).Build().Run();

        [SidecarGen.SidecarService("shop")]
        [{|#1:SidecarGen.AuthProxySidecar(IssuerUrl = "https://login.example.com")|}]
        public partial class Program { }
        """,
        """
        using Microsoft.AspNetCore.Builder;
        public sealed class Startup
        {
            public void Configure(IApplicationBuilder app) => {|#0:app.UseHttpsRedirection()|};
        }
        """],
        [Expected(0, 1)]);

    [Fact]
    public Task Fires_for_a_web_host_builder_made_by_hand() => Verify<HttpsRedirectionAnalyzer>.WebApp(
        ["""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        new WebHostBuilder().UseKestrel().Configure(app => {|#0:app.UseHsts()|}).Build().Run();

        [SidecarGen.SidecarService("shop")]
        [{|#1:SidecarGen.TlsTerminationSidecar|}]
        public partial class Program { }
        """],
        [Expected(0, 1)]);

    [Theory]
    [InlineData("WebApplication.CreateBuilder(args).Build()")]
    [InlineData("WebApplication.CreateSlimBuilder(args).Build()")]
    [InlineData("WebApplication.Create(args)")]
    public Task Silent_with_the_web_defaults_which_honour_the_variable_the_generator_sets(string app) => Verify<HttpsRedirectionAnalyzer>.WebApp(
        $$"""
        using Microsoft.AspNetCore.Builder;
        var app = {{app}};
        app.UseHttpsRedirection();
        app.UseHsts();
        app.Run();
        """ + BehindTls);

    [Fact]
    public Task Silent_for_a_generic_host_with_web_defaults() => Verify<HttpsRedirectionAnalyzer>.WebApp(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;
        Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.Configure(app => app.UseHttpsRedirection())).Build().Run();
        """ + BehindTls);

    [Fact]
    public Task Silent_when_the_app_forwards_headers_itself() => Verify<HttpsRedirectionAnalyzer>.WebApp(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.HttpOverrides;
        var app = WebApplication.CreateEmptyBuilder(new WebApplicationOptions()).Build();
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        app.UseHttpsRedirection();
        app.Run();
        """ + BehindTls);

    [Fact]
    public Task Silent_without_a_sidecar_that_terminates_tls_or_authenticates() => Verify<HttpsRedirectionAnalyzer>.WebApp(
        """
        using Microsoft.AspNetCore.Builder;
        var app = WebApplication.CreateEmptyBuilder(new WebApplicationOptions()).Build();
        app.UseHttpsRedirection();
        app.Run();

        [SidecarGen.SidecarService("shop")]
        [SidecarGen.MetricsSidecar]
        public partial class Program { }
        """);

    [Fact]
    public Task Silent_when_the_host_is_built_where_the_analyzer_cannot_see_it() => Verify<HttpsRedirectionAnalyzer>.WebApp(
        """
        using Microsoft.AspNetCore.Builder;
        System.Console.WriteLine("the host is built by a library");
        public sealed class Startup
        {
            public void Configure(IApplicationBuilder app) => app.UseHttpsRedirection();
        }
        """ + BehindTls);

    [Fact]
    public Task Silent_for_redirection_only_in_development() => Verify<HttpsRedirectionAnalyzer>.WebApp(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Hosting;
        var app = WebApplication.CreateEmptyBuilder(new WebApplicationOptions()).Build();
        if (app.Environment.IsDevelopment())
        {
            app.UseHttpsRedirection();
        }

        app.Run();
        """ + BehindTls);

    private static DiagnosticResult Expected(int code, int sidecar) =>
        new DiagnosticResult(DiagnosticDescriptors.PlainHttpBehindProxy.Id, DiagnosticDescriptors.PlainHttpBehindProxy.DefaultSeverity).WithLocation(code).WithLocation(sidecar);
}
