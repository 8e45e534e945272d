using Microsoft.CodeAnalysis.Testing;
using SidecarGen.Diagnostics.AppCode;
using SidecarGen.Rules;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Analyzers.AppCode;

/// <summary>SCG0029: the app listens elsewhere than Port, or on loopback only at the Pod's entry; silent wherever the address is not certain.</summary>
public sealed class ListenAddressAnalyzerTests
{
    private const string Usings = """
        using System.Net;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;

        """;

    private const string Service = """

        [SidecarGen.SidecarService("orders", Port = 8080)]
        public partial class Program { }
        """;

    [Fact]
    public Task Fires_at_use_urls_with_the_port_argument_as_additional_location() => Verify<ListenAddressAnalyzer>.WebApp(
        [Usings + """
        var builder = WebApplication.CreateBuilder(args);
        {|#0:builder.WebHost.UseUrls("http://+:5000")|};
        builder.Build().Run();

        [SidecarGen.SidecarService("orders", {|#1:Port = 8080|})]
        public partial class Program { }
        """],
        [new DiagnosticResult(DiagnosticDescriptors.ListensElsewhere).WithLocation(0).WithLocation(1)
            .WithMessage("The app listens on port 5000 (UseUrls), not on Port 8080: the Service, the probes and the sidecars reach it at 8080, so in the cluster nothing reaches it. Listen on 8080 or set Port = 5000")]);

    [Theory]
    [InlineData("builder.WebHost.ConfigureKestrel(o => {|SCG0029:o.ListenAnyIP(5000)|});", "builder.Build().Run();")]
    [InlineData("builder.WebHost.UseKestrel(o => {|SCG0029:o.Listen(IPAddress.Any, Ports.Http)|});", "builder.Build().Run();")]
    [InlineData("builder.WebHost.UseUrls(\"http://+:8080\");", "var app = builder.Build(); {|SCG0029:app.Run(\"http://0.0.0.0:9000\")|};")]
    [InlineData("", "var app = builder.Build(); {|SCG0029:app.Urls.Add($\"http://*:{Ports.Http}\")|}; app.Run();")]
    [InlineData("{|SCG0029:System.Environment.SetEnvironmentVariable(\"ASPNETCORE_URLS\", \"http://+:80\")|};", "builder.Build().Run();")]
    [InlineData("{|SCG0029:System.Environment.SetEnvironmentVariable(\"ASPNETCORE_HTTP_PORTS\", \"5000\")|};", "builder.Build().Run();")]
    [InlineData("builder.WebHost.UseUrls(\"http://+:8080\"); builder.WebHost.ConfigureKestrel(o => {|SCG0029:o.ListenAnyIP(5000)|});", "builder.Build().Run();")]
    public Task Fires_for_another_port_from_the_source_that_decides(string configure, string run) => Verify<ListenAddressAnalyzer>.WebApp(
        Usings + $$"""
        var builder = WebApplication.CreateBuilder(args);
        {{configure}}
        {{run}}

        static class Ports { public const int Http = 5000; }
        """ + Service);

    [Fact]
    public Task Fires_for_loopback_only_when_the_app_is_the_pods_entry() => Verify<ListenAddressAnalyzer>.WebApp(
        Usings + """
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.ConfigureKestrel(o => {|SCG0029:o.ListenLocalhost(8080)|});
        builder.Build().Run();

        [SidecarGen.SidecarService("orders", Port = 8080)]
        [SidecarGen.LoggingSidecar]
        public partial class Program { }
        """);

    [Theory]
    [InlineData("[SidecarGen.AuthProxySidecar(IssuerUrl = \"https://login.example.com\")]")]
    [InlineData("[SidecarGen.TlsTerminationSidecar]")]
    [InlineData("[SidecarGen.ServiceMeshSidecar]")]
    public Task Silent_for_loopback_behind_an_entry_sidecar(string entry) => Verify<ListenAddressAnalyzer>.WebApp(
        Usings + $$"""
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.ConfigureKestrel(o => o.ListenLocalhost(8080));
        builder.WebHost.UseUrls("http://localhost:8080");
        builder.Build().Run();

        [SidecarGen.SidecarService("orders", Port = 8080)]
        {{entry}}
        public partial class Program { }
        """);

    [Theory]
    [InlineData("builder.WebHost.UseUrls(\"http://+:8080\");")]
    [InlineData("builder.WebHost.UseUrls(\"http://+:8080\", \"http://+:9090\");")]
    [InlineData("builder.WebHost.ConfigureKestrel(o => { o.ListenAnyIP(8080); o.ListenLocalhost(9999); });")]
    [InlineData("builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.IPv6Any, 8080));")]
    [InlineData("builder.WebHost.UseUrls(builder.Configuration[\"Urls\"]!);")]
    [InlineData("builder.WebHost.ConfigureKestrel(o => o.ListenAnyIP(int.Parse(System.Environment.GetEnvironmentVariable(\"PORT\")!)));")]
    [InlineData("builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Parse(System.Environment.GetEnvironmentVariable(\"IP\")!), 8080));")]
    [InlineData("builder.WebHost.ConfigureKestrel(o => o.Configure(builder.Configuration.GetSection(\"Kestrel\"))); builder.WebHost.UseUrls(\"http://+:5000\");")]
    [InlineData("builder.WebHost.ConfigureKestrel(o => o.ListenUnixSocket(\"/tmp/app.sock\"));")]
    [InlineData("if (builder.Environment.IsDevelopment()) { builder.WebHost.UseUrls(\"http://localhost:5000\"); }")]
    [InlineData("System.Environment.SetEnvironmentVariable(\"OTHER\", \"http://+:5000\");")]
    [InlineData("")]
    public Task Silent_when_the_app_listens_on_port_or_the_address_is_not_certain(string configure) => Verify<ListenAddressAnalyzer>.WebApp(
        Usings + $$"""
        var builder = WebApplication.CreateBuilder(args);
        {{configure}}
        builder.Build().Run();
        """ + Service);

    [Fact]
    public Task Fires_in_a_generic_host() => Verify<ListenAddressAnalyzer>.WebApp(
        Usings + """
        Host.CreateDefaultBuilder(args)
            .ConfigureWebHostDefaults(web => {|SCG0029:web.UseUrls("http://*:5000")|}.Configure(app => { }))
            .Build()
            .Run();
        """ + Service);
}
