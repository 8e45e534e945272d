using SidecarGen.CodeFixes;
using SidecarGen.Diagnostics.AppCode;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Analyzers.AppCode;

/// <summary>The app-code rules' fixes edit [SidecarService], wherever the code that disagrees is.</summary>
public sealed class AppCodeFixTests
{
    [Fact]
    public Task SCG0030_adds_the_service_to_calls() => Verify<ServiceCallAnalyzer>.WebAppCodeFix<AddCallCodeFix>(
        """
        _ = new System.Uri({|SCG0030:"http://pricing/"|});

        [SidecarGen.SidecarService("orders", Calls = new[] { "payments" })]
        public partial class Program { }
        """,
        """
        _ = new System.Uri("http://pricing/");

        [SidecarGen.SidecarService("orders", Calls = new[] { "payments", "pricing" })]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0030_creates_calls_when_it_is_missing() => Verify<ServiceCallAnalyzer>.WebAppCodeFix<AddCallCodeFix>(
        """
        _ = new System.Uri({|SCG0030:"https+http://pricing"|});

        [SidecarGen.SidecarService("orders", Port = 8080)]
        public partial class Program { }
        """,
        """
        _ = new System.Uri("https+http://pricing");

        [SidecarGen.SidecarService("orders", Port = 8080, Calls = new[] { "pricing" })]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0028_sets_health_path_to_the_one_mapped_health_endpoint() => Verify<ProbePathAnalyzer>.WebAppCodeFix<HealthPathCodeFix>(
        """
        using Microsoft.AspNetCore.Builder;
        var app = WebApplication.CreateBuilder(args).Build();
        {|SCG0028:app.MapHealthChecks("/health")|};
        app.Run();

        [SidecarGen.SidecarService("orders", HealthPath = "/healthz")]
        public partial class Program { }
        """,
        """
        using Microsoft.AspNetCore.Builder;
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapHealthChecks("/health");
        app.Run();

        [SidecarGen.SidecarService("orders", HealthPath = "/health")]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0028_maps_and_registers_health_checks_at_the_probe_path_when_the_app_has_none() => Verify<ProbePathAnalyzer>.WebAppCodeFix<MapHealthChecksCodeFix>(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/orders", () => "[]");
        {|SCG0028:app.Run()|};

        [SidecarGen.SidecarService("orders")]
        public partial class Program { }
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHealthChecks();
        var app = builder.Build();
        app.MapGet("/orders", () => "[]");
        app.MapHealthChecks("/healthz");
        app.Run();

        [SidecarGen.SidecarService("orders")]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0028_maps_health_checks_already_registered_in_a_main_method() => Verify<ProbePathAnalyzer>.WebAppCodeFix<MapHealthChecksCodeFix>(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        [SidecarGen.SidecarService("orders", HealthPath = "/ready")]
        public partial class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddHealthChecks();
                var app = builder.Build();
                {|SCG0028:app.Run()|};
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        [SidecarGen.SidecarService("orders", HealthPath = "/ready")]
        public partial class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddHealthChecks();
                var app = builder.Build();
                app.MapHealthChecks("/ready");
                app.Run();
            }
        }
        """);

    [Fact]
    public Task SCG0028_adds_health_path_when_the_default_applies() => Verify<ProbePathAnalyzer>.WebAppCodeFix<HealthPathCodeFix>(
        """
        using Microsoft.AspNetCore.Builder;
        var app = WebApplication.CreateBuilder(args).Build();
        {|SCG0028:app.MapGet("/live", () => "ok")|};
        app.Run();

        [SidecarGen.SidecarService("orders")]
        public partial class Program { }
        """,
        """
        using Microsoft.AspNetCore.Builder;
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/live", () => "ok");
        app.Run();

        [SidecarGen.SidecarService("orders", HealthPath = "/live")]
        public partial class Program { }
        """);
}
