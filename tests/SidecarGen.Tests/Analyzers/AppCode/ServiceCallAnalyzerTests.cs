using Microsoft.CodeAnalysis.Testing;
using SidecarGen.Diagnostics.AppCode;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Analyzers.AppCode;

/// <summary>SCG0030: a call to a service of the cluster that is not in Calls; silent wherever the address is not certain.</summary>
public sealed class ServiceCallAnalyzerTests
{
    private const string Service = """
        [SidecarGen.SidecarService("orders", Calls = new[] { "payments" })]
        public partial class Program { }
        """;

    [Fact]
    public Task Fires_at_a_uri_literal_naming_the_service_with_the_calls_argument_as_additional_location() => Verify<ServiceCallAnalyzer>.WebApp(
        ["""
        var client = new System.Net.Http.HttpClient { BaseAddress = new System.Uri({|#0:"http://pricing:8080/"|}) };

        [SidecarGen.SidecarService("orders", {|#1:Calls = new[] { "payments" }|})]
        public partial class Program { }
        """],
        [new DiagnosticResult(SidecarGen.Rules.DiagnosticDescriptors.UndeclaredCall)
            .WithLocation(0).WithLocation(1)
            .WithMessage("The app calls the service 'pricing', which is not in Calls: in Kubernetes its NetworkPolicy admits only declared callers and drops this call; add \"pricing\" to [SidecarService(Calls = …)]")]);

    [Fact]
    public Task Fires_for_http_client_requests_cluster_names_and_service_discovery_schemes() => Verify<ServiceCallAnalyzer>.WebApp(
        """
        using System.Net.Http;
        using System.Net.Http.Json;
        var client = new HttpClient();
        await client.GetStringAsync({|SCG0030:"http://pricing.shop.svc.cluster.local/prices"|});
        await client.GetFromJsonAsync<string[]>({|SCG0030:"https+http://stock/items"|});
        using var request = new HttpRequestMessage(HttpMethod.Get, {|SCG0030:"https://_grpc.ledger/"|});
        var named = new System.Uri({|SCG0030:"http://audit.shop.svc:9000"|});
        """ + Service);

    [Fact]
    public Task Fires_in_add_http_client_and_for_configuration_keys() => Verify<ServiceCallAnalyzer>.WebApp(
        """
        using Microsoft.Extensions.DependencyInjection;
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        builder.Services.AddHttpClient("pricing", client => client.BaseAddress = new({|SCG0030:"https+http://pricing"|}));
        var stock = builder.Configuration[{|SCG0030:"services:stock:http:0"|}];
        var section = builder.Configuration.GetSection({|SCG0030:"Services:ledger"|});
        """ + Service);

    [Fact]
    public Task Resolves_constants_nameof_interpolation_and_concatenation() => Verify<ServiceCallAnalyzer>.WebApp(
        """
        const string Host = "pricing";
        const int Port = 8080;
        _ = new System.Uri({|SCG0030:$"http://{Host}:{Port}/"|});
        _ = new System.Uri({|SCG0030:"http://" + nameof(stock) + "/"|});
        _ = new System.Uri({|SCG0030:"http://ledger:" + Port|});

        class stock { }
        """ + Service);

    [Fact]
    public Task Silent_for_declared_own_local_public_and_unknown_addresses() => Verify<ServiceCallAnalyzer>.WebApp(
        """
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        var fromEnvironment = System.Environment.GetEnvironmentVariable("PRICING_URL")!;
        _ = new System.Uri("http://payments:8080/");              // in Calls
        _ = new System.Uri("https+http://PAYMENTS");              // in Calls, any case
        _ = new System.Uri("http://payments.shop.svc.cluster.local/");
        _ = new System.Uri("http://orders/self");                 // the service itself
        _ = new System.Uri("http://localhost:5000/");
        _ = new System.Uri("http://127.0.0.1:5000/");
        _ = new System.Uri("http://[::1]:5000/");
        _ = new System.Uri("https://api.example.com/");           // a public DNS name
        _ = new System.Uri("http://pricing.shop/");               // two labels: may be a company name
        _ = new System.Uri("/relative", System.UriKind.Relative);
        _ = new System.Uri("ftp://files/");                       // not HTTP
        _ = new System.Uri(fromEnvironment);                      // computed at run time
        _ = new System.Uri($"http://{fromEnvironment}/");
        _ = builder.Configuration["services:payments:http:0"];    // in Calls
        _ = builder.Configuration["Logging:LogLevel:Default"];
        _ = builder.Configuration[fromEnvironment];
        var dictionary = new System.Collections.Generic.Dictionary<string, string> { ["key"] = "x" };
        _ = dictionary["services:pricing"];                        // not configuration
        """ + Service);

    [Fact]
    public Task Silent_for_a_mesh_upstream_the_pod_gives_an_address() => Verify<ServiceCallAnalyzer>.WebApp(
        """
        _ = new System.Uri("https+http://fx");
        _ = new System.Uri("http://ledger");

        [SidecarGen.SidecarService("orders")]
        [SidecarGen.ServiceMeshSidecar(Upstreams = new[] { "fx=fx.example.com:443", "ledger" })]
        public partial class Program { }
        """);

    [Fact]
    public Task Silent_in_a_project_without_a_declared_service() => Verify<ServiceCallAnalyzer>.WebApp(
        """
        _ = new System.Uri("http://pricing");
        public partial class Program { }
        """);

    [Fact]
    public Task Silent_for_a_call_under_a_key_of_the_app_and_for_a_service_outside_the_system() => Verify<ServiceCallAnalyzer>.WebApp(
        """
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        _ = new System.Uri("http://catalog-api/items");                 // in Calls, under the app's key
        _ = builder.Configuration["services:identity-api:http:0"];       // in ExternalServices
        _ = new System.Uri("https+http://identity-api");
        _ = new System.Uri({|SCG0030:"http://basket-api"|});              // neither

        [SidecarGen.SidecarService("webapp", Calls = new[] { "CatalogUrl=catalog-api", "IdentityUrl=identity-api" }, ExternalServices = new[] { "identity-api=https://identity.example.com" })]
        public partial class Program { }
        """);
}
