using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SidecarGen.Rules;
using SidecarGen.Sidecars;

namespace SidecarGen.Diagnostics.AppCode;

/// <summary>
/// SCG0031: <c>UseHttpsRedirection</c>/<c>UseHsts</c> behind a sidecar that terminates TLS or
/// authenticates, in an app whose host ignores the forwarded scheme. The generator gives such an app
/// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> (<see cref="ForwardedHeaders"/>), which ASP.NET Core's
/// web host defaults honour; so the rule fires only when the app builds its host without those defaults
/// (<c>WebApplication.CreateEmptyBuilder</c>, <c>new WebHostBuilder()</c>, <c>ConfigureWebHost</c>) and
/// never calls <c>UseForwardedHeaders</c> itself. A host built where the analyzer cannot see it, or any
/// host with the defaults, keeps it silent.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HttpsRedirectionAnalyzer : AppCodeAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.PlainHttpBehindProxy);

    private protected override void Start(CompilationStartAnalysisContext start, AppService service)
    {
        var forwarder = ForwardedHeaders.Forwarder(service.Declaration);
        var symbols = service.Symbols;
        var https = symbols.Type(WellKnownTypes.HttpsPolicyBuilderExtensions);
        var hsts = symbols.Type(WellKnownTypes.HstsBuilderExtensions);
        if (forwarder is null || !symbols.HasAspNetCore || (https is null && hsts is null))
        {
            return;
        }

        var seen = new Host();
        var redirections = new ConcurrentQueue<IInvocationOperation>();
        start.RegisterOperationAction(
            context =>
            {
                if (context.Operation is IObjectCreationOperation creation)
                {
                    if (SymbolEqualityComparer.Default.Equals(creation.Type, symbols.Type(WellKnownTypes.WebHostBuilderClass)))
                    {
                        seen.Bare = true;
                    }

                    return;
                }

                // The calls read below, by name first: any other is passed over before a type is looked up or compared.
                var invocation = (IInvocationOperation)context.Operation;
                if (invocation.TargetMethod.Name is not ("UseHttpsRedirection" or "UseHsts" or "UseForwardedHeaders" or "CreateEmptyBuilder" or "ConfigureWebHost"
                    or "CreateBuilder" or "CreateSlimBuilder" or "Create" or "ConfigureWebHostDefaults" or "CreateDefaultBuilder"))
                {
                    return;
                }

                if ((invocation.Calls(https, "UseHttpsRedirection") || invocation.Calls(hsts, "UseHsts")) && !DevelopmentOnly.Contains(invocation, symbols))
                {
                    redirections.Enqueue(invocation);
                }
                else if (invocation.Calls(symbols.Type(WellKnownTypes.ForwardedHeadersExtensions), "UseForwardedHeaders"))
                {
                    seen.ForwardedHeaders = true;
                }
                else if (invocation.Calls(symbols.Type(WellKnownTypes.WebApplication), "CreateEmptyBuilder")
                    || invocation.Calls(symbols.Type(WellKnownTypes.GenericHostWebHostBuilderExtensions), "ConfigureWebHost"))
                {
                    seen.Bare = true;
                }
                else if (invocation.Calls(symbols.Type(WellKnownTypes.WebApplication), "CreateBuilder")
                    || invocation.Calls(symbols.Type(WellKnownTypes.WebApplication), "CreateSlimBuilder")
                    || invocation.Calls(symbols.Type(WellKnownTypes.WebApplication), "Create")
                    || invocation.Calls(symbols.Type(WellKnownTypes.GenericHostBuilderExtensions), "ConfigureWebHostDefaults")
                    || invocation.Calls(symbols.Type(WellKnownTypes.WebHost), "CreateDefaultBuilder"))
                {
                    seen.Defaults = true;
                }
            },
            OperationKind.Invocation,
            OperationKind.ObjectCreation);

        start.RegisterCompilationEndAction(context =>
        {
            // Only a host the analyzer saw built without the web defaults, and no forwarded headers of the app's own.
            if (!seen.Bare || seen.Defaults || seen.ForwardedHeaders)
            {
                return;
            }

            var sidecar = FindingLocator.Locate(service.EntryPoint, forwarder.Ordinal, null, null, context.CancellationToken);
            foreach (var redirection in redirections)
            {
                context.ReportDiagnostic(AppService.Disagreement(
                    DiagnosticDescriptors.PlainHttpBehindProxy,
                    redirection.Syntax.GetLocation(),
                    sidecar,
                    $"{redirection.TargetMethod.Name} sees plain HTTP from the '{forwarder.Name}' sidecar: this host is built without ASP.NET Core's web defaults, so it ignores {ForwardedHeaders.Variable} and the X-Forwarded-Proto the sidecar sends; call app.UseForwardedHeaders() first, with ForwardedHeadersOptions.ForwardedHeaders = XForwardedFor | XForwardedProto"));
            }
        });
    }

    /// <summary>What the compilation shows of how its web host is built, written from concurrent actions (a flag only ever turns on).</summary>
    private sealed class Host
    {
        public volatile bool Bare;
        public volatile bool Defaults;
        public volatile bool ForwardedHeaders;
    }
}
