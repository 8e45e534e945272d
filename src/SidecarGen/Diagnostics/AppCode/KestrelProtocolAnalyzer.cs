using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SidecarGen.Rules;

namespace SidecarGen.Diagnostics.AppCode;

/// <summary>
/// SCG0039: Kestrel is set to speak another protocol on <c>Port</c> than the service's <c>Protocol</c>
/// says, so the probes and every traffic hop speak to the app in a protocol it refuses: HTTP/2 only
/// (<c>Http2</c>) under <c>Protocol = Http</c>, or HTTP/1.1 only (<c>Http1</c>) under <c>Http2</c> or
/// <c>Grpc</c>. Silent unless every setting of the port agrees (<see cref="KestrelProtocols"/>), and for
/// <c>Http1AndHttp2</c> (whether Kestrel takes cleartext HTTP/2 on it depends on its version).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KestrelProtocolAnalyzer : AppCodeAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ProtocolMismatch);

    private protected override void Start(CompilationStartAnalysisContext start, AppService service)
    {
        if (!service.Symbols.HasAspNetCore)
        {
            return;
        }

        var protocols = new KestrelProtocols(service.Symbols, service.Options.Port);
        start.RegisterOperationAction(context => protocols.Read((ISimpleAssignmentOperation)context.Operation), OperationKind.SimpleAssignment);
        start.RegisterCompilationEndAction(end =>
        {
            foreach (var file in end.Options.AdditionalFiles)
            {
                protocols.Read(file, end.CancellationToken);
            }

            Report(end, service, protocols);
        });
    }

    private static void Report(CompilationAnalysisContext end, AppService service, KestrelProtocols protocols)
    {
        if (protocols.Effective() is not { } setting)
        {
            return;
        }

        var declared = service.Options.Protocol;
        var speaks = setting.Value switch
        {
            KestrelProtocols.Protocols.Http2 when declared == ServiceProtocol.Http => "HTTP/2 only, so the HTTP/1.1 of the kubelet's HTTP probes, the Compose health check and the traffic sidecars gets 400",
            KestrelProtocols.Protocols.Http1 when declared != ServiceProtocol.Http => "HTTP/1.1 only, so the HTTP/2 that Protocol " + declared + " promises to the probes, the Service and the traffic sidecars is refused",
            _ => null,
        };
        if (speaks is null)
        {
            return;
        }

        var fix = setting.Value == KestrelProtocols.Protocols.Http2 ? "set Protocol = ServiceProtocol.Http2 (or Grpc for a gRPC service)" : "set Protocol = ServiceProtocol.Http, or Kestrel to Http2";
        end.ReportDiagnostic(AppService.Disagreement(
            DiagnosticDescriptors.ProtocolMismatch,
            setting.Location,
            service.ServiceArgument(nameof(SidecarServiceAttribute.Protocol), end.CancellationToken),
            $"{setting.Name} is {setting.Value}: on port {service.Options.Port} Kestrel speaks {speaks}; {fix}"));
    }
}
