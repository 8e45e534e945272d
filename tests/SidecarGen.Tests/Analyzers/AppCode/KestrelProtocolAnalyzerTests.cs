using Microsoft.CodeAnalysis.Testing;
using SidecarGen.Diagnostics.AppCode;
using SidecarGen.Rules;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Analyzers.AppCode;

/// <summary>
/// SCG0039: Kestrel's protocols on the service's port against its <c>Protocol</c>, from the code and from
/// appsettings.json; silent wherever a setting is unknown, disagrees with another, or may not be the port's.
/// </summary>
public sealed class KestrelProtocolAnalyzerTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.AspNetCore.Server.Kestrel.Core;
        using Microsoft.Extensions.Hosting;

        """;

    private static string App(string kestrel, string protocol = "") => Usings + $$"""
        var builder = WebApplication.CreateBuilder(args);
        {{kestrel}}
        var app = builder.Build();
        app.MapGet("/healthz", () => "ok");
        app.Run();

        [SidecarGen.SidecarService("basket"{{protocol}})]
        public partial class Program { }
        """;

    [Theory]
    [InlineData("builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => {|#0:listen.Protocols = HttpProtocols.Http2|}));")]
    [InlineData("builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(8080, listen => {|#0:listen.Protocols = HttpProtocols.Http2|}));")]
    [InlineData("builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(8080, listen => { {|#0:listen.Protocols = HttpProtocols.Http2|}; }));")]
    public Task Fires_for_http2_only_in_code_under_the_default_protocol(string kestrel) => Verify<KestrelProtocolAnalyzer>.WebApp(
        [App(kestrel)],
        [new DiagnosticResult(DiagnosticDescriptors.ProtocolMismatch).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithMessage("listenOptions.Protocols is Http2: on port 8080 Kestrel speaks HTTP/2 only, so the HTTP/1.1 of the kubelet's HTTP probes, the Compose health check and the traffic sidecars gets 400; set Protocol = ServiceProtocol.Http2 (or Grpc for a gRPC service)")]);

    [Fact]
    public Task Fires_for_http1_only_under_grpc() => Verify<KestrelProtocolAnalyzer>.WebApp(
        [Usings + """
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => {|#0:listen.Protocols = HttpProtocols.Http1|}));
        var app = builder.Build();
        app.Run();

        [SidecarGen.SidecarService("greeter", {|#1:Protocol = SidecarGen.ServiceProtocol.Grpc|})]
        public partial class Program { }
        """],
        [new DiagnosticResult(DiagnosticDescriptors.ProtocolMismatch).WithLocation(0).WithLocation(1)
            .WithMessage("listenOptions.Protocols is Http1: on port 8080 Kestrel speaks HTTP/1.1 only, so the HTTP/2 that Protocol Grpc promises to the probes, the Service and the traffic sidecars is refused; set Protocol = ServiceProtocol.Http, or Kestrel to Http2")]);

    [Theory]
    [InlineData("", "appsettings.json")]
    [InlineData("", "appsettings.Production.json")]
    public Task Fires_for_http2_only_in_settings_the_pod_reads(string protocol, string file) => Verify<KestrelProtocolAnalyzer>.WebAppWithFiles(
        App(string.Empty, protocol),
        [("/0/" + file, """
            {
              "Kestrel": {
                "EndpointDefaults": { "Protocols": "Http2" }
              }
            }
            """)],
        new DiagnosticResult(DiagnosticDescriptors.ProtocolMismatch).WithSpan("/0/" + file, 3, 40, 3, 47).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithMessage("Kestrel:EndpointDefaults:Protocols is Http2: on port 8080 Kestrel speaks HTTP/2 only, so the HTTP/1.1 of the kubelet's HTTP probes, the Compose health check and the traffic sidecars gets 400; set Protocol = ServiceProtocol.Http2 (or Grpc for a gRPC service)"));

    [Fact]
    public Task Fires_for_the_endpoint_on_the_services_port() => Verify<KestrelProtocolAnalyzer>.WebAppWithFiles(
        App(string.Empty, ", Protocol = SidecarGen.ServiceProtocol.Http2"),
        [("/0/appsettings.json", """
            { "Kestrel": { "Endpoints": {
                "Other": { "Url": "http://+:9090", "Protocols": "Http2" },
                "Api": { "Url": "http://*:8080", "Protocols": "http1" } } } }
            """)],
        new DiagnosticResult(DiagnosticDescriptors.ProtocolMismatch).WithSpan("/0/appsettings.json", 3, 51, 3, 58).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithMessage("Kestrel:Endpoints:Api:Protocols is Http1: on port 8080 Kestrel speaks HTTP/1.1 only, so the HTTP/2 that Protocol Http2 promises to the probes, the Service and the traffic sidecars is refused; set Protocol = ServiceProtocol.Http, or Kestrel to Http2"));

    [Theory]
    [InlineData("builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http1AndHttp2));", "")]
    [InlineData("builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2));", ", Protocol = SidecarGen.ServiceProtocol.Http2")]
    [InlineData("builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2));", ", Protocol = SidecarGen.ServiceProtocol.Grpc")]
    [InlineData("builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(9090, listen => listen.Protocols = HttpProtocols.Http2));", "")]
    [InlineData("builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = args.Length > 0 ? HttpProtocols.Http2 : HttpProtocols.Http1));", "")]
    [InlineData("builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => { if (builder.Environment.IsDevelopment()) { listen.Protocols = HttpProtocols.Http2; } }));", "")]
    [InlineData("builder.WebHost.ConfigureKestrel(kestrel => { kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2); kestrel.ListenAnyIP(8080, listen => listen.Protocols = HttpProtocols.Http1AndHttp2); });", "")]
    [InlineData("static void Http2(ListenOptions listen) => listen.Protocols = HttpProtocols.Http2;", "")]
    public Task Silent_where_the_port_speaks_what_the_service_says_or_it_is_not_certain(string kestrel, string protocol) => Verify<KestrelProtocolAnalyzer>.WebApp(App(kestrel, protocol));

    [Theory]
    [InlineData("/0/appsettings.Development.json", """{ "Kestrel": { "EndpointDefaults": { "Protocols": "Http2" } } }""")]
    [InlineData("/0/appsettings.json", """{ "Kestrel": { "EndpointDefaults": { "Protocols": "Http1AndHttp2" } } }""")]
    [InlineData("/0/appsettings.json", "{ \"Kestrel\": { \"EndpointDefaults\": { \"Protocols\": \"Http2\" } }, // a comment, which only the configuration reads\n}")]
    [InlineData("/0/appsettings.json", """{ "Kestrel": { "Endpoints": { "Other": { "Url": "http://+:9090", "Protocols": "Http2" } } } }""")]
    [InlineData("/0/appsettings.json", """{ "Kestrel": { "EndpointDefaults": { "Protocols": "Http2, Http1" } } }""")]
    public Task Silent_for_settings_the_pod_does_not_read_or_that_are_not_certain(string path, string settings) =>
        Verify<KestrelProtocolAnalyzer>.WebAppWithFiles(App(string.Empty), [(path, settings)]);

    [Fact]
    public Task Silent_when_code_and_settings_disagree() => Verify<KestrelProtocolAnalyzer>.WebAppWithFiles(
        App("builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http1));"),
        [("/0/appsettings.json", """{ "Kestrel": { "EndpointDefaults": { "Protocols": "Http2" } } }""")]);
}
