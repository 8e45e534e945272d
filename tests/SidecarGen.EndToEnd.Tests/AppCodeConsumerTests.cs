using System.Xml.Linq;

namespace SidecarGen.EndToEnd.Tests;

/// <summary>
/// The rules that read the app's code, in consumers of the packed nupkg that use the real packages:
/// Microsoft.Extensions.ServiceDiscovery (SCG0030 names a service the app calls without declaring it),
/// Serilog.AspNetCore with Serilog.Sinks.File and the OpenTelemetry OTLP exporter (SCG0031–SCG0034 fire
/// on the shapes that break the Pod and are silent once the app is put right), and the appsettings.json
/// the package hands to the analyzers (SCG0039).
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(PackedPackageCollection.Name)]
public sealed class AppCodeConsumerTests(PackedPackage package)
{
    private const string ServiceDiscovery = "Microsoft.Extensions.ServiceDiscovery";

    [Fact]
    public void SCG0030_fires_for_an_undeclared_service_discovery_call_and_not_once_it_is_in_calls()
    {
        var directory = Path.Combine(package.Root, "Checkout");
        ConsumerProject.WriteIsolation(package, directory, machineSources: true);
        var consumer = ConsumerProject.WriteService(package, directory, "Checkout", Program("\"payments\""), (ServiceDiscovery, CentralVersion(ServiceDiscovery)));

        var undeclared = consumer.Build();
        Assert.Contains("warning SCG0030: The app calls the service 'pricing', which is not in Calls", undeclared);
        Assert.DoesNotContain("'payments'", undeclared);
        Assert.DoesNotContain("'localhost'", undeclared);

        consumer.WriteProgram(Program("\"payments\", \"pricing\""));
        var declared = consumer.Build();
        Assert.DoesNotContain("SCG0030", declared);
        Assert.Contains("Build succeeded", declared);
    }

    [Fact]
    public void SCG0031_to_SCG0034_fire_on_real_serilog_and_opentelemetry_code_and_are_silent_once_it_agrees()
    {
        var directory = Path.Combine(package.Root, "Ledger");
        ConsumerProject.WriteIsolation(package, directory, machineSources: true);
        var consumer = ConsumerProject.WriteService(
            package, directory, "Ledger", Disagreeing,
            ("Serilog.AspNetCore", "10.0.0"), ("Serilog.Sinks.File", "7.0.0"), (OpenTelemetryHosting, CentralVersion(OpenTelemetryHosting)), (OtlpExporter, CentralVersion(OtlpExporter)));

        var disagreeing = consumer.Build();
        Assert.Contains("warning SCG0031", disagreeing);
        Assert.Contains("warning SCG0032", disagreeing);
        Assert.Matches(@"Program\.cs\(\d+,\d+\): warning SCG0033", disagreeing);
        Assert.Matches(@"Program\.cs\(\d+,\d+\): warning SCG0034", disagreeing);

        consumer.WriteProgram(Agreeing);
        var agreeing = consumer.Build();
        foreach (var id in new[] { "SCG0031", "SCG0032", "SCG0033", "SCG0034" })
        {
            Assert.DoesNotContain(id, agreeing);
        }

        Assert.Contains("Build succeeded", agreeing);
    }

    private const string OpenTelemetryHosting = "OpenTelemetry.Extensions.Hosting";
    private const string OtlpExporter = "OpenTelemetry.Exporter.OpenTelemetryProtocol";

    private const string LedgerAttributes = """
        [SidecarService("ledger", Image = "registry.example.com/ledger:1.0.0")]
        [AuthProxySidecar(IssuerUrl = "https://login.example.com/realms/shop")]
        [LoggingSidecar]
        [MetricsSidecar]
        [ConfigWatcherSidecar]
        public partial class Program;
        """;

    /// <summary>
    /// Redirects to HTTPS behind the auth proxy in a host without the web defaults (so without the forwarded
    /// headers the generator turns on), logs to /tmp unbounded, exports no metrics, loads the watcher's file once.
    /// </summary>
    private const string Disagreeing = """
        using OpenTelemetry.Metrics;
        using Serilog;
        using SidecarGen;

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = args });
        builder.Configuration.AddJsonFile("/etc/app/config/config.json", optional: true);
        builder.Host.UseSerilog((context, logger) => logger.WriteTo.File("/tmp/ledger.log"));
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter("Ledger"));
        var app = builder.Build();
        app.UseHttpsRedirection();
        app.MapGet("/healthz", () => "ok");
        app.Run();

        """ + LedgerAttributes;

    /// <summary>The same app put right: the web defaults (forwarded headers), bounded files under LogPath, the OTLP exporter, the file reloaded.</summary>
    private const string Agreeing = """
        using OpenTelemetry.Metrics;
        using Serilog;
        using SidecarGen;

        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddJsonFile("/etc/app/config/config.json", optional: true, reloadOnChange: true);
        builder.Host.UseSerilog((context, logger) => logger.WriteTo.File("/var/log/app/ledger.log", fileSizeLimitBytes: 10_000_000, rollOnFileSizeLimit: true, retainedFileCountLimit: 3));
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter("Ledger").AddOtlpExporter());
        var app = builder.Build();
        app.UseHttpsRedirection();
        app.MapGet("/healthz", () => "ok");
        app.Run();

        """ + LedgerAttributes;

    /// <summary>
    /// The package hands appsettings.json to the analyzers: Kestrel set to HTTP/2 there is SCG0039 under the
    /// default <c>Protocol</c> (the eShop Basket.API shape), and silent once the service says <c>Http2</c>.
    /// </summary>
    [Fact]
    public void SCG0039_reads_kestrels_protocols_from_appsettings_json()
    {
        var directory = Path.Combine(package.Root, "Basket");
        ConsumerProject.WriteIsolation(package, directory);
        var consumer = ConsumerProject.WriteService(package, directory, "Basket", HealthApp(string.Empty));
        File.WriteAllText(Path.Combine(consumer.Directory, "appsettings.json"), """
            {
              "Logging": { "LogLevel": { "Default": "Information" } },
              "Kestrel": { "EndpointDefaults": { "Protocols": "Http2" } }
            }
            """);

        var mismatch = consumer.Build();
        Assert.Contains("appsettings.json(3,51): warning SCG0039: Kestrel:EndpointDefaults:Protocols is Http2", mismatch);

        consumer.WriteProgram(HealthApp(", Protocol = ServiceProtocol.Http2"));
        var declared = consumer.Build();
        Assert.DoesNotContain("SCG0039", declared);
        Assert.Contains("Build succeeded", declared);
    }

    private static string HealthApp(string protocol) => $$"""
        using SidecarGen;

        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/healthz", () => "ok");
        app.Run();

        [SidecarService("basket", Image = "registry.example.com/basket:1.0.0"{{protocol}})]
        public partial class Program;
        """;

    private static string Program(string calls) => $$"""
        using SidecarGen;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddServiceDiscovery();
        builder.Services.AddHttpClient("pricing", client => client.BaseAddress = new Uri("https+http://pricing")).AddServiceDiscovery();
        builder.Services.AddHttpClient("payments", client => client.BaseAddress = new Uri("https+http://payments")).AddServiceDiscovery();
        builder.Services.AddHttpClient("local", client => client.BaseAddress = new Uri("http://localhost:5000"));
        var app = builder.Build();
        app.MapGet("/healthz", () => "ok");
        app.Run();

        [SidecarService("checkout", Image = "registry.example.com/checkout:1.0.0", Calls = new[] { {{calls}} })]
        public partial class Program;
        """;

    /// <summary>The version the repository pins in Directory.Packages.props, stated there once.</summary>
    private static string CentralVersion(string id) =>
        XDocument.Load(Path.Combine(PackedPackage.RepositoryRoot, "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .Single(element => (string?)element.Attribute("Include") == id)
            .Attribute("Version")!.Value;
}
