using Microsoft.CodeAnalysis.Testing;
using SidecarGen.Diagnostics.AppCode;
using SidecarGen.Rules;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Analyzers.AppCode;

/// <summary>SCG0028: the probes' path is not mapped; silent wherever the app may answer a path the code does not say.</summary>
public sealed class ProbePathAnalyzerTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        """;

    private const string Service = """

        [SidecarGen.SidecarService("orders")]
        public partial class Program { }
        """;

    [Fact]
    public Task Fires_at_the_health_mapping_with_the_health_path_argument_as_additional_location() => Verify<ProbePathAnalyzer>.WebApp(
        [Usings + """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHealthChecks();
        var app = builder.Build();
        {|#0:app.MapHealthChecks("/health")|};
        app.MapGet("/orders", () => "[]");
        app.Run();

        [SidecarGen.SidecarService("orders", {|#1:HealthPath = "/healthz"|})]
        public partial class Program { }
        """],
        [new DiagnosticResult(DiagnosticDescriptors.ProbePathNotMapped).WithLocation(0).WithLocation(1)
            .WithMessage("The app maps no GET endpoint at '/healthz', the path its probes ask for (HealthPath); it maps health at '/health': in the cluster every probe gets 404 and the Pod restarts forever")]);

    [Fact]
    public Task Fires_at_app_run_when_nothing_looks_like_health_and_the_default_path_applies() => Verify<ProbePathAnalyzer>.WebApp(
        Usings + """
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/orders", () => "[]");
        app.MapPost("/healthz", () => "ok");   // a POST does not answer the probe's GET
        {|SCG0028:app.Run()|};
        """ + Service);

    [Fact]
    public Task Fires_when_the_path_is_mapped_only_in_development() => Verify<ProbePathAnalyzer>.WebApp(
        [Usings + """
        var app = WebApplication.CreateBuilder(args).Build();
        if (app.Environment.IsDevelopment())
        {
            {|#0:app.MapGet("/healthz", () => "ok")|};
        }

        app.Run();
        """ + Service],
        [new DiagnosticResult(DiagnosticDescriptors.ProbePathNotMapped).WithLocation(0).WithArguments("x")
            .WithMessage("'/healthz', the path the probes ask for (HealthPath), is mapped only outside Production (here under a check of the environment, such as IsDevelopment(), that is false there); the Pod runs as Production, so in the cluster every probe gets 404 and the Pod restarts forever")
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)]);

    [Theory]
    [InlineData("if (app.Environment.IsEnvironment(\"Development\"))")]
    [InlineData("if (app.Environment.IsEnvironment(Environments.Development))")]
    [InlineData("if (!app.Environment.IsProduction())")]
    [InlineData("if (app.Environment.IsStaging() || app.Environment.IsDevelopment())")]
    [InlineData("if (app.Environment.IsDevelopment() && args.Length > 0)")]
    [InlineData("if (app.Environment.IsProduction()) { } else")]
    public Task Fires_under_every_environment_check_that_is_false_in_production(string guard) => Verify<ProbePathAnalyzer>.WebApp(
        Usings + $$"""
        var app = WebApplication.CreateBuilder(args).Build();
        {{guard}}
        {
            {|SCG0028:app.MapGet("/healthz", () => "ok")|};
        }

        app.Run();
        """ + Service);

    [Theory]
    [InlineData("if (app.Environment.IsEnvironment(\"production\"))")]
    [InlineData("if (app.Environment.IsEnvironment(app.Configuration[\"HealthEnvironment\"]!))")]
    [InlineData("if (app.Environment.IsDevelopment() || args.Length > 0)")]
    [InlineData("if (!app.Environment.IsDevelopment())")]
    public Task Silent_under_an_environment_check_that_may_hold_in_production(string guard) => Verify<ProbePathAnalyzer>.WebApp(
        Usings + $$"""
        var app = WebApplication.CreateBuilder(args).Build();
        {{guard}}
        {
            app.MapGet("/healthz", () => "ok");
        }

        app.Run();
        """ + Service);

    /// <summary>
    /// The shape of the Aspire service defaults template: an extension method maps readiness and liveness
    /// endpoints, both only in Development. Each path gets its own finding, at its own argument.
    /// </summary>
    [Fact]
    public Task Fires_for_readiness_and_liveness_paths_mapped_only_in_development_by_an_extension() => Verify<ProbePathAnalyzer>.WebApp(
        [Usings + """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHealthChecks();
        var app = builder.Build();
        app.MapGet("/orders", () => "[]");
        app.MapProbeEndpoints();
        app.Run();

        [SidecarGen.SidecarService("orders", {|#2:HealthPath = "/ready"|}, {|#3:LivenessPath = "/live"|})]
        public partial class Program { }

        public static class ProbeEndpoints
        {
            public static WebApplication MapProbeEndpoints(this WebApplication app)
            {
                if (app.Environment.IsDevelopment())
                {
                    {|#0:app.MapHealthChecks("/ready")|};
                    {|#1:app.MapHealthChecks("/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = check => check.Tags.Contains("live") })|};
                }

                return app;
            }
        }
        """],
        [
            new DiagnosticResult(DiagnosticDescriptors.ProbePathNotMapped).WithLocation(0).WithLocation(2)
                .WithMessage("'/ready', the path the readiness probe asks for (HealthPath), is mapped only outside Production (here under a check of the environment, such as IsDevelopment(), that is false there); the Pod runs as Production, so in the cluster every probe gets 404 and the Pod restarts forever"),
            new DiagnosticResult(DiagnosticDescriptors.ProbePathNotMapped).WithLocation(1).WithLocation(3)
                .WithMessage("'/live', the path the startup and liveness probes ask for (LivenessPath), is mapped only outside Production (here under a check of the environment, such as IsDevelopment(), that is false there); the Pod runs as Production, so in the cluster every probe gets 404 and the Pod restarts forever"),
        ]);

    [Fact]
    public Task Fires_at_the_liveness_path_alone_when_only_it_is_not_mapped() => Verify<ProbePathAnalyzer>.WebApp(
        [Usings + """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHealthChecks();
        var app = builder.Build();
        {|#0:app.MapHealthChecks("/health")|};
        app.Run();

        [SidecarGen.SidecarService("orders", HealthPath = "/health", {|#1:LivenessPath = "/alive"|})]
        public partial class Program { }
        """],
        [new DiagnosticResult(DiagnosticDescriptors.ProbePathNotMapped).WithLocation(0).WithLocation(1)
            .WithMessage("The app maps no GET endpoint at '/alive', the path its startup and liveness probes ask for (LivenessPath); it maps health at '/health': in the cluster every probe gets 404 and the Pod restarts forever")]);

    [Theory]
    [InlineData("Http2")]
    [InlineData("Grpc")]
    public Task Silent_when_the_probes_ask_no_path(string protocol) => Verify<ProbePathAnalyzer>.WebApp(
        Usings + $$"""
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/orders", () => "[]");
        app.Run();

        [SidecarGen.SidecarService("orders", Protocol = SidecarGen.ServiceProtocol.{{protocol}})]
        public partial class Program { }
        """);

    [Fact]
    public Task Fires_through_groups_when_the_prefix_moves_the_path() => Verify<ProbePathAnalyzer>.WebApp(
        Usings + """
        var app = WebApplication.CreateBuilder(args).Build();
        var api = app.MapGroup("/api");
        {|SCG0028:api.MapGet("/healthz", () => "ok")|};
        app.Run();
        """ + Service);

    [Fact]
    public Task Fires_when_the_controllers_route_elsewhere() => Verify<ProbePathAnalyzer>.WebApp(
        Usings + """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        var app = builder.Build();
        app.MapControllers();
        {|SCG0028:app.Run()|};
        """ + Service,
        """
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        [Route("api/[controller]")]
        public class OrdersController : ControllerBase
        {
            [HttpGet("healthz")]
            public string Get() => "ok";

            [HttpPost("/healthz")]
            public string Post() => "ok";
        }
        """);

    [Fact]
    public Task Silent_when_mapped_directly_through_constants_and_case() => Verify<ProbePathAnalyzer>.WebApp(
        Usings + """
        const string Health = "health";
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapHealthChecks($"/{Health}z");
        app.Run();
        """ + Service);

    [Fact]
    public Task Silent_when_mapped_in_nested_groups_in_another_file() => Verify<ProbePathAnalyzer>.WebApp(
        Usings + """
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapProbes();
        app.Run();

        [SidecarGen.SidecarService("orders", HealthPath = "/ops/probes/ready")]
        public partial class Program { }
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        static class Probes
        {
            public static void MapProbes(this WebApplication app)
            {
                var ops = app.MapGroup("/ops").WithTags("ops");
                var probes = ops.MapGroup("probes");
                probes.MapGet("/ready", () => "ok");
            }
        }
        """);

    [Fact]
    public Task Fires_when_nested_groups_in_another_file_put_the_path_elsewhere() => Verify<ProbePathAnalyzer>.WebApp(
        Usings + """
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapProbes();
        app.Run();

        [SidecarGen.SidecarService("orders", HealthPath = "/ops/ready")]
        public partial class Program { }
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        static class Probes
        {
            public static void MapProbes(this WebApplication app)
            {
                var probes = app.MapGroup("/ops").WithTags("ops").MapGroup("probes");
                {|SCG0028:probes.MapGet("/ready", () => "ok")|};
            }
        }
        """);

    [Fact]
    public Task Silent_when_mapped_on_a_builder_passed_in_whose_prefix_is_unknown() => Verify<ProbePathAnalyzer>.WebApp(
        Usings + """
        var app = WebApplication.CreateBuilder(args).Build();
        app.UseEndpoints(endpoints => endpoints.MapGet("/healthz", () => "ok"));
        app.Run();
        """ + Service);

    [Fact]
    public Task Silent_when_a_controller_route_serves_it() => Verify<ProbePathAnalyzer>.WebApp(
        Usings + """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        var app = builder.Build();
        app.MapControllers();
        app.Run();

        [SidecarGen.SidecarService("orders", HealthPath = "/api/status/live")]
        public partial class Program { }
        """,
        """
        using Microsoft.AspNetCore.Mvc;

        [Route("api/[controller]")]
        public class StatusController : ControllerBase
        {
            [HttpGet("live")]
            public string Live() => "ok";
        }
        """);

    [Theory]
    [InlineData("app.MapFallback(() => \"spa\");")]
    [InlineData("app.MapGet(\"/{**path}\", (string path) => path);")]
    [InlineData("app.MapGet(\"/{name}\", (string name) => name);")]
    [InlineData("app.MapGet(builder.Configuration[\"HealthPath\"]!, () => \"ok\");")]
    [InlineData("app.MapGroup(builder.Configuration[\"Prefix\"]!).MapGet(\"/healthz\", () => \"ok\");")]
    [InlineData("app.MapMethods(\"/healthz\", new[] { \"GET\", \"HEAD\" }, () => \"ok\");")]
    [InlineData("app.UseHealthChecks(\"/healthz\");")]
    [InlineData("app.Use(async (context, next) => await next(context));")]
    [InlineData("app.Run(context => context.Response.WriteAsync(\"ok\"));")]
    [InlineData("app.MapDefaultControllerRoute();")]
    [InlineData("if (!app.Environment.IsProduction()) { } app.MapGet(\"/healthz\", () => \"ok\");")]
    [InlineData("if (app.Environment.IsProduction()) { app.MapGet(\"/healthz\", () => \"ok\"); }")]
    [InlineData("if (app.Environment.IsDevelopment()) { app.MapGet(\"/x\", () => 1); } else { app.MapGet(\"/healthz\", () => \"ok\"); }")]
    public Task Silent_when_the_path_may_be_served(string mapping) => Verify<ProbePathAnalyzer>.WebApp(
        Usings + $$"""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/orders", () => "[]");
        {{mapping}}
        app.Run();
        """ + Service);

    [Fact]
    public Task Silent_for_a_generic_host_it_does_not_understand() => Verify<ProbePathAnalyzer>.WebApp(
        Usings + """
        var host = Host.CreateDefaultBuilder(args).Build();
        host.Run();
        """ + Service);

    [Fact]
    public Task Silent_without_asp_net_core() => Verify<ProbePathAnalyzer>.Application("""
        System.Console.WriteLine("worker");

        [SidecarGen.SidecarService("orders")]
        public partial class Program { }
        """);
}
