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
