using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SidecarGen.Pod;
using SidecarGen.Rules;
using SidecarGen.Sidecars;

namespace SidecarGen.Diagnostics.AppCode;

/// <summary>
/// SCG0030: the app calls a service of the cluster that is not in <c>Calls</c>. In Kubernetes the
/// callee's NetworkPolicy (and a mesh's authorization) admits only its declared callers, so such a
/// call works in Compose and is dropped in the cluster. Read from constant URLs given to <c>Uri</c>,
/// <c>HttpClient</c> and <c>HttpRequestMessage</c> (so <c>BaseAddress</c> and <c>AddHttpClient</c>'s
/// configuration too), and from configuration keys <c>services:&lt;name&gt;:…</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ServiceCallAnalyzer : AppCodeAnalyzer
{
    // The parameters that take an address, on the types that take one: Uri's constructor, HttpClient's and HttpRequestMessage's requests.
    private const string UriString = "uriString";
    private const string RequestUri = "requestUri";

    // The parameter of IConfiguration's indexer, GetSection, GetValue, GetRequiredSection.
    private const string Key = "key";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UndeclaredCall);

    private protected override void Start(CompilationStartAnalysisContext start, AppService service)
    {
        var addressTypes = new[]
        {
            service.Symbols.Type(WellKnownTypes.Uri),
            service.Symbols.Type(WellKnownTypes.HttpClient),
            service.Symbols.Type(WellKnownTypes.HttpRequestMessage),
        }.OfType<INamedTypeSymbol>().ToArray();
        var configuration = service.Symbols.Type(WellKnownTypes.Configuration);

        start.RegisterOperationAction(
            context =>
            {
                var (method, arguments) = context.Operation switch
                {
                    IObjectCreationOperation creation => (creation.Constructor, creation.Arguments),
                    IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
                    IPropertyReferenceOperation { Property.IsIndexer: true } indexer => (indexer.Property.GetMethod, indexer.Arguments),
                    _ => (null, ImmutableArray<IArgumentOperation>.Empty),
                };
                if (method is null)
                {
                    return;
                }

                foreach (var argument in arguments)
                {
                    var callee = argument.Parameter?.Name switch
                    {
                        UriString or RequestUri when TakesAddress(method, addressTypes) =>
                            ConstantResolver.String(argument.Value) is { } url ? ClusterAddress.ServiceOfUrl(url) : null,
                        Key when configuration is not null && ReadsConfiguration(context.Operation, configuration) =>
                            ConstantResolver.String(argument.Value) is { } key ? ClusterAddress.ServiceOfConfigurationKey(key) : null,
                        _ => null,
                    };
                    if (callee is not null && !IsDeclared(callee, service))
                    {
                        context.ReportDiagnostic(AppService.Disagreement(
                            DiagnosticDescriptors.UndeclaredCall,
                            argument.Value.Syntax.GetLocation(),
                            service.ServiceArgument(nameof(SidecarServiceAttribute.Calls), context.CancellationToken),
                            $"The app calls the service '{callee}', which is not in Calls: in Kubernetes its NetworkPolicy admits only declared callers and drops this call; add \"{callee}\" to [SidecarService(Calls = …)]",
                            ImmutableDictionary<string, string?>.Empty.Add(FixProperties.Value, callee)));
                    }
                }
            },
            OperationKind.ObjectCreation,
            OperationKind.Invocation,
            OperationKind.PropertyReference);
    }

    /// <summary>A member of an address type, or an extension of one (<c>GetFromJsonAsync</c> on <c>HttpClient</c>).</summary>
    private static bool TakesAddress(IMethodSymbol method, INamedTypeSymbol[] addressTypes) =>
        IsAddressType(method.ContainingType, addressTypes)
        || (method.IsExtensionMethod && method.Parameters.Length > 0 && IsAddressType(method.Parameters[0].Type, addressTypes));

    private static bool IsAddressType(ITypeSymbol? type, INamedTypeSymbol[] addressTypes) =>
        type is not null && Array.Exists(addressTypes, known => SymbolEqualityComparer.Default.Equals(type, known));

    private static bool ReadsConfiguration(IOperation operation, INamedTypeSymbol configuration) => operation switch
    {
        IInvocationOperation invocation => invocation.Receiver()?.Type.IsOrInherits(configuration) == true,
        IPropertyReferenceOperation indexer => indexer.Instance?.Type.IsOrInherits(configuration) == true,
        _ => false,
    };

    /// <summary>
    /// The service itself, a name in <c>Calls</c> or <c>ExternalServices</c> or one a sidecar calls for the app; else a name the
    /// planned Pod gives the app an address for (a mesh upstream's <c>name=host:port</c>). Unknown
    /// while an error stands: then nothing is reported.
    /// </summary>
    private static bool IsDeclared(string callee, AppService service)
    {
        if (string.Equals(callee, service.Name, StringComparison.OrdinalIgnoreCase)
            || service.Options.Calls.Any(call => string.Equals(call.Service, callee, StringComparison.OrdinalIgnoreCase))
            || service.Options.ExternalServices.Any(external => string.Equals(external.Service, callee, StringComparison.OrdinalIgnoreCase))
            || service.Declaration.Sidecars.Any(sidecar => SidecarKinds.Of(sidecar).CalledServices(sidecar.Options).Any(called => string.Equals(called.Service, callee, StringComparison.OrdinalIgnoreCase))))
        {
            return true;
        }

        var variable = ServiceDiscovery.Variable(callee);
        return service.Plan is not { } plan || plan.App.Env.Any(env => string.Equals(env.Name, variable, StringComparison.OrdinalIgnoreCase));
    }
}
