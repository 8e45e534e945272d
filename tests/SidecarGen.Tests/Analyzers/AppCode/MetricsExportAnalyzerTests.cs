using Microsoft.CodeAnalysis.Testing;
using SidecarGen.Diagnostics.AppCode;
using SidecarGen.Rules;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Analyzers.AppCode;

/// <summary>
/// SCG0032: a metrics sidecar whose collector receives nothing, as the app registers no OTLP exporter;
/// silent wherever an exporter may be registered, in this compilation or in a library of the app.
/// </summary>
public sealed class MetricsExportAnalyzerTests
{
    private const string WithMetrics = """
        [SidecarGen.SidecarService("payments")]
        [SidecarGen.MetricsSidecar]
        public partial class Program { }
        """;

    private static readonly PackageIdentity[] OpenTelemetry = { AppPackages.OpenTelemetryHosting, AppPackages.OtlpExporter };

    [Fact]
    public Task Fires_at_the_sidecar_when_the_app_references_no_otlp_exporter() => Verify<MetricsExportAnalyzer>.WebAppUsing(
        [AppPackages.OpenTelemetryHosting],
        ["""
        using Microsoft.Extensions.DependencyInjection;
        using OpenTelemetry.Metrics;
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter("payments"));
        builder.Build().Run();

        [SidecarGen.SidecarService("payments")]
        [{|#0:SidecarGen.MetricsSidecar(ScrapePort = 9464)|}]
        public partial class Program { }
        """],
        [Expected(0).WithMessage("The 'metrics' collector receives only OTLP, and the app references no OTLP exporter: add the package OpenTelemetry.Exporter.OpenTelemetryProtocol and call AddOtlpExporter() in WithMetrics (or UseOtlpExporter()); it reads OTEL_EXPORTER_OTLP_ENDPOINT, which the sidecar sets")]);

    [Fact]
    public Task Fires_when_the_exporter_is_referenced_but_never_registered() => Verify<MetricsExportAnalyzer>.WebAppUsing(
        OpenTelemetry,
        ["""
        using Microsoft.Extensions.DependencyInjection;
        using OpenTelemetry.Metrics;
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter("payments"));
        builder.Build().Run();

        [SidecarGen.SidecarService("payments")]
        [{|#0:SidecarGen.MetricsSidecar|}]
        public partial class Program { }
        """],
        [Expected(0).WithMessage("The 'metrics' collector receives only OTLP, and the app never registers the OTLP exporter it references: call AddOtlpExporter() in WithMetrics (or UseOtlpExporter()); it reads OTEL_EXPORTER_OTLP_ENDPOINT, which the sidecar sets")]);

    [Fact]
    public Task Fires_for_an_app_without_any_opentelemetry() => Verify<MetricsExportAnalyzer>.WebApp(
        ["""
        Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args).Build().Run();

        [SidecarGen.SidecarService("payments")]
        [{|#0:SidecarGen.MetricsSidecar|}]
        public partial class Program { }
        """],
        [Expected(0)]);

    [Fact]
    public Task Silent_with_add_otlp_exporter_on_metrics() => Verify<MetricsExportAnalyzer>.WebAppUsing(
        OpenTelemetry,
        ["""
        using Microsoft.Extensions.DependencyInjection;
        using OpenTelemetry.Metrics;
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter("payments").AddOtlpExporter());
        builder.Build().Run();
        """ + WithMetrics],
        []);

    [Fact]
    public Task Silent_with_use_otlp_exporter_in_a_generic_host_configured_in_another_file() => Verify<MetricsExportAnalyzer>.WebAppUsing(
        OpenTelemetry,
        ["""
        using Microsoft.Extensions.Hosting;
        Host.CreateDefaultBuilder(args).ConfigureServices(services => services.AddTelemetry()).Build().Run();
        """ + WithMetrics,
        """
        using Microsoft.Extensions.DependencyInjection;
        using OpenTelemetry;
        internal static class Telemetry
        {
            public static IServiceCollection AddTelemetry(this IServiceCollection services)
            {
                services.AddOpenTelemetry().UseOtlpExporter();
                return services;
            }
        }
        """],
        []);

    [Fact]
    public async Task Silent_when_a_library_of_the_app_references_the_exporter()
    {
        var test = new LibraryTest();
        await ReferencePackages.Resolve(test.ReferenceAssemblies);
        await test.RunAsync();
    }

    private static DiagnosticResult Expected(int sidecar) =>
        new DiagnosticResult(DiagnosticDescriptors.NoMetricsExporter.Id, DiagnosticDescriptors.NoMetricsExporter.DefaultSeverity).WithLocation(sidecar);

    /// <summary>The app calls a ServiceDefaults-like library, which references the OTLP exporter and may register it.</summary>
    private sealed class LibraryTest : Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<MetricsExportAnalyzer, DefaultVerifier>
    {
        public LibraryTest()
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80.AddPackages([.. OpenTelemetry]);
            TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            TestState.Sources.Add("""
                ServiceDefaults.Extensions.AddServiceDefaults();
                """ + WithMetrics);
            TestState.AdditionalReferences.Add(typeof(SidecarServiceAttribute).Assembly);
            TestState.AdditionalProjectReferences.Add("ServiceDefaults");
            var library = new ProjectState("ServiceDefaults", Microsoft.CodeAnalysis.LanguageNames.CSharp, "/ServiceDefaults/Test", "cs");
            library.Sources.Add("""
                namespace ServiceDefaults;
                public static class Extensions
                {
                    public static void AddServiceDefaults() => System.GC.KeepAlive(typeof(OpenTelemetry.Exporter.OtlpExporterOptions));
                }
                """);
            TestState.AdditionalProjects.Add("ServiceDefaults", library);
        }
    }
}
