using System.Xml.Linq;

namespace SidecarGen.EndToEnd.Tests;

/// <summary>
/// The rules that read the app's code, in a consumer of the packed nupkg that uses the real
/// Microsoft.Extensions.ServiceDiscovery: SCG0030 names a service the app calls through service
/// discovery without declaring it, and is silent once <c>Calls</c> lists it.
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
