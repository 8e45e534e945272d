using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Testing;
using SidecarGen.Diagnostics.AppCode;
using SidecarGen.Rules;

namespace SidecarGen.Tests.Analyzers.AppCode;

/// <summary>
/// A ServiceDefaults project as the app's compiler sees it: a reference assembly, whose method bodies
/// are gone and with them its reference to the OTLP exporter it calls (dotnet/eShop 5624ad56,
/// src/eShop.ServiceDefaults/Extensions.cs, calls AddOtlpExporter() in a lambda). SCG0032 fired on all
/// four eShop services with a [MetricsSidecar]; it may fire only where no library can register an exporter.
/// </summary>
public sealed class ReferenceAssemblyLibraryTests
{
    private const string App = """
        ServiceDefaults.Extensions.AddServiceDefaults();

        [SidecarGen.SidecarService("payments")]
        [{|#0:SidecarGen.MetricsSidecar|}]
        public partial class Program { }
        """;

    [Fact]
    public async Task Silent_when_a_reference_assembly_library_may_register_the_exporter_the_app_has()
    {
        var test = await AppWithServiceDefaults([AppPackages.OpenTelemetryHosting, AppPackages.OtlpExporter]);
        await test.RunAsync();
    }

    [Fact]
    public async Task Fires_when_the_app_lacks_the_exporter_a_reference_assembly_library_could_call()
    {
        // The library was compiled with the exporter, but nothing brings it to the app: no call of it can run.
        var test = await AppWithServiceDefaults([AppPackages.OpenTelemetryHosting]);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.NoMetricsExporter.Id, DiagnosticDescriptors.NoMetricsExporter.DefaultSeverity).WithLocation(0));
        await test.RunAsync();
    }

    private static async Task<Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<MetricsExportAnalyzer, DefaultVerifier>> AppWithServiceDefaults(PackageIdentity[] appPackages)
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<MetricsExportAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80.AddPackages([.. appPackages]),
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(App);
        test.TestState.AdditionalReferences.Add(typeof(SidecarServiceAttribute).Assembly);
        test.TestState.AdditionalReferences.Add(await ServiceDefaultsReferenceAssembly());
        return test;
    }

    /// <summary>The library emitted as the SDK emits a project's reference assembly (metadata only, no private members).</summary>
    private static async Task<MetadataReference> ServiceDefaultsReferenceAssembly()
    {
        var references = await ReferenceAssemblies.Net.Net80
            .AddPackages([AppPackages.OpenTelemetryHosting, AppPackages.OtlpExporter])
            .ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var library = CSharpCompilation.Create(
            "ServiceDefaults",
            [CSharpSyntaxTree.ParseText("""
                using Microsoft.Extensions.DependencyInjection;
                using OpenTelemetry.Metrics;
                namespace ServiceDefaults;
                public static class Extensions
                {
                    public static void AddServiceDefaults() =>
                        new ServiceCollection().AddOpenTelemetry().WithMetrics(metrics => metrics.AddOtlpExporter());
                }
                """)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = library.Emit(image, options: new EmitOptions(metadataOnly: true, includePrivateMembers: false));
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        var reference = MetadataReference.CreateFromImage(image.ToArray());

        // The shape the rule meets: a reference assembly that does not reference the exporter it calls.
        var seen = (IAssemblySymbol)CSharpCompilation.Create("probe", references: [.. references, reference]).GetAssemblyOrModuleSymbol(reference)!;
        Assert.Contains(seen.GetAttributes(), attribute => attribute.AttributeClass?.Name == "ReferenceAssemblyAttribute");
        Assert.DoesNotContain(seen.Modules.SelectMany(module => module.ReferencedAssemblies), identity => identity.Name == AppPackages.OtlpExporter.Id);
        return reference;
    }
}
