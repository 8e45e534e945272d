using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SidecarGen.Model;
using SidecarGen.Rules;
using SidecarGen.Sidecars.Metrics;

namespace SidecarGen.Diagnostics.AppCode;

/// <summary>
/// SCG0032: a <c>[MetricsSidecar]</c> whose collector receives nothing, because the app exports no
/// OTLP. The collector only receives OTLP; the app gets <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, but an
/// exporter must still be registered in code. Certain only when nothing the analyzer cannot see could
/// register one: the app does not reference OpenTelemetry's OTLP exporter at all, or references it and
/// calls nothing of it, while no library of the app references it either.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MetricsExportAnalyzer : AppCodeAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.NoMetricsExporter);

    private protected override void Start(CompilationStartAnalysisContext start, AppService service)
    {
        if (MetricsSidecar(service.Declaration) is not { } sidecar || ReferencedLibraries.Reference(start.Compilation, WellKnownTypes.OtlpExporterAssembly))
        {
            return;
        }

        var exporter = service.Symbols.Type(WellKnownTypes.OtlpExporterOptions)?.ContainingAssembly;
        var exports = new Flag();
        if (exporter is not null)
        {
            start.RegisterOperationAction(
                context =>
                {
                    if (SymbolEqualityComparer.Default.Equals(((IInvocationOperation)context.Operation).TargetMethod.ContainingAssembly, exporter))
                    {
                        exports.Set = true;
                    }
                },
                OperationKind.Invocation);
        }

        start.RegisterCompilationEndAction(context =>
        {
            if (exports.Set)
            {
                return;
            }

            var message = exporter is null
                ? $"The '{sidecar.Name}' collector receives only OTLP, and the app references no OTLP exporter: add the package {WellKnownTypes.OtlpExporterAssembly} and call AddOtlpExporter() in WithMetrics (or UseOtlpExporter()); it reads OTEL_EXPORTER_OTLP_ENDPOINT, which the sidecar sets"
                : $"The '{sidecar.Name}' collector receives only OTLP, and the app never registers the OTLP exporter it references: call AddOtlpExporter() in WithMetrics (or UseOtlpExporter()); it reads OTEL_EXPORTER_OTLP_ENDPOINT, which the sidecar sets";
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.NoMetricsExporter,
                FindingLocator.Locate(service.EntryPoint, sidecar.Ordinal, null, null, context.CancellationToken),
                message));
        });
    }

    private static SidecarDeclaration? MetricsSidecar(ServiceDeclaration declaration)
    {
        foreach (var sidecar in declaration.Sidecars)
        {
            if (sidecar.Options is MetricsOptions)
            {
                return sidecar;
            }
        }

        return null;
    }

    /// <summary>Set from concurrent actions; only ever turns on.</summary>
    private sealed class Flag
    {
        public volatile bool Set;
    }
}
