using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SidecarGen.Rules;

namespace SidecarGen.Diagnostics.AppCode;

/// <summary>
/// SCG0029: the app listens elsewhere than <c>Port</c>, or only on loopback while it is the Pod's entry.
/// The Service, the probes and the sidecars in front reach the app at <c>Port</c>; the Pod's entry is
/// reached at the Pod's IP. Only the address source that decides counts (<see cref="ListenAddresses"/>:
/// code wins over the <c>ASPNETCORE_HTTP_PORTS</c> the manifests set), and only when every address it
/// gives is a constant. Behind an entry sidecar (auth proxy, TLS termination, Envoy) loopback is right.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ListenAddressAnalyzer : AppCodeAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ListensElsewhere);

    private protected override void Start(CompilationStartAnalysisContext start, AppService service)
    {
        if (!service.Symbols.HasAspNetCore)
        {
            return;
        }

        var addresses = new ListenAddresses(service.Symbols);
        start.RegisterOperationAction(context => addresses.Read((IInvocationOperation)context.Operation), OperationKind.Invocation);
        start.RegisterCompilationEndAction(end => Report(end, service, addresses));
    }

    private static void Report(CompilationAnalysisContext end, AppService service, ListenAddresses addresses)
    {
        if (addresses.Effective() is not { Count: > 0 } effective || effective.Any(address => address.Port is null))
        {
            return;
        }

        var port = service.Options.Port;
        var onPort = effective.Where(address => address.Port == port).ToList();
        var argument = service.ServiceArgument(nameof(SidecarServiceAttribute.Port), end.CancellationToken);
        if (onPort.Count == 0)
        {
            var ports = string.Join(", ", effective.Select(address => address.Port!.Value.ToString(CultureInfo.InvariantCulture)).Distinct());
            end.ReportDiagnostic(AppService.Disagreement(
                DiagnosticDescriptors.ListensElsewhere,
                effective[0].Location,
                argument,
                $"The app listens on port {ports} ({effective[0].How}), not on Port {port}: the Service, the probes and the sidecars reach it at {port}, so in the cluster nothing reaches it. Listen on {port} or set Port = {effective[0].Port}"));
            return;
        }

        if (onPort.Any(address => address.Loopback != true) || !IsEntry(service))
        {
            return;
        }

        end.ReportDiagnostic(AppService.Disagreement(
            DiagnosticDescriptors.ListensElsewhere,
            onPort[0].Location,
            argument,
            $"The app listens on port {port} only on loopback ({onPort[0].How}), but nothing in the Pod sits in front of it: the Service and the kubelet's probes reach it at the Pod's IP, so nothing reaches it. Listen on every interface (ListenAnyIP({port})), or put an entry sidecar in front"));
    }

    /// <summary>The app itself is the Pod's entry, as the plan says; unknown (false) while an error stands.</summary>
    private static bool IsEntry(AppService service) =>
        service.Plan is { } plan && plan.Entry.ContainerName == plan.App.Name;
}
