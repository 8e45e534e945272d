using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SidecarGen.Rules;

namespace SidecarGen.Diagnostics.AppCode;

/// <summary>
/// SCG0028: the app maps no endpoint at a path its probes ask for (<c>HealthPath</c>, <c>LivenessPath</c>), so in the
/// cluster every probe gets 404 and the Pod restarts forever. A path may be mapped in any file, so the
/// mappings are gathered as the compilation is analyzed (<see cref="MappedPaths"/>) and judged at its
/// end. Silent unless certain: when something may answer a path the code does not say, and when the
/// code builds no ASP.NET Core app the analyzer understands.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProbePathAnalyzer : AppCodeAnalyzer
{
    // Words a health endpoint's path carries, to point at the one the app meant.
    private static readonly string[] HealthWords = { "health", "live", "ready", "alive", "status", "ping" };

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ProbePathNotMapped);

    private protected override void Start(CompilationStartAnalysisContext start, AppService service)
    {
        if (!service.Symbols.HasAspNetCore)
        {
            return;
        }

        var mapped = new MappedPaths(service.Symbols, service.Options.Port);
        start.RegisterOperationAction(context => mapped.Read((IInvocationOperation)context.Operation), OperationKind.Invocation);
        if (service.Symbols.Type(WellKnownTypes.ControllerBase) is not null)
        {
            start.RegisterSymbolAction(context => mapped.ReadController((INamedTypeSymbol)context.Symbol), SymbolKind.NamedType);
        }

        start.RegisterCompilationEndAction(end => Report(end, service, mapped));
    }

    private static void Report(CompilationAnalysisContext end, AppService service, MappedPaths mapped)
    {
        // Only HTTP probes ask for a path; an HTTP/2 or gRPC app is probed without one.
        if (service.Options.Protocol != ServiceProtocol.Http)
        {
            return;
        }

        var options = service.Options;
        var separate = options.LivenessPath != options.HealthPath;
        Report(end, service, mapped, nameof(SidecarServiceAttribute.HealthPath), options.HealthPath, separate ? "readiness probe asks" : "probes ask");
        if (separate)
        {
            Report(end, service, mapped, nameof(SidecarServiceAttribute.LivenessPath), options.LivenessPath, "startup and liveness probes ask");
        }
    }

    private static void Report(CompilationAnalysisContext end, AppService service, MappedPaths mapped, string property, string path, string probes)
    {
        if (mapped.Unknown || !mapped.Understood || mapped.ControllersMatch(path) || ControllersElsewhere(end.Compilation, mapped, path))
        {
            return;
        }

        var matching = mapped.Mappings.Where(mapping => mapping.Route.Matches(path)).ToList();
        if (matching.Any(mapping => !mapping.DevelopmentOnly))
        {
            return;
        }

        var argument = service.ServiceArgument(property, end.CancellationToken);
        if (matching.Count > 0)
        {
            end.ReportDiagnostic(AppService.Disagreement(
                DiagnosticDescriptors.ProbePathNotMapped,
                matching[0].Location,
                argument,
                $"'{path}', the path the {probes} for ({property}), is mapped only outside Production (here under a check of the environment, such as IsDevelopment(), that is false there); the Pod runs as Production, so in the cluster every probe gets 404 and the Pod restarts forever"));
            return;
        }

        var served = mapped.Mappings.Where(mapping => !mapping.DevelopmentOnly).ToList();
        var health = served.Where(mapping => mapping.Health).ToList();
        if (health.Count == 0)
        {
            health = served.Where(mapping => HealthWords.Any(word => mapping.Route.ToString().IndexOf(word, System.StringComparison.OrdinalIgnoreCase) >= 0)).ToList();
        }

        var meant = health.Select(mapping => mapping.Route.ToString()).Distinct().ToList();
        var at = health.Count > 0 ? health[0].Location : mapped.Run ?? (served.Count > 0 ? served[0].Location : null);
        if (at is null)
        {
            return;
        }

        // The code fix sets HealthPath; a liveness path is the user's choice among the app's health endpoints.
        // With no health endpoint at all, the other fix maps health checks at the path, before app.Run().
        var properties = meant.Count == 1 && health[0].Route.IsLiteral && property == nameof(SidecarServiceAttribute.HealthPath)
            ? ImmutableDictionary<string, string?>.Empty.Add(FixProperties.Value, meant[0])
            : health.Count == 0 && Equals(at, mapped.Run)
                ? ImmutableDictionary<string, string?>.Empty.Add(FixProperties.MapHealthChecks, path)
                : null;
        var hint = meant.Count > 0 ? $"; it maps health at {string.Join(", ", meant.Select(route => "'" + route + "'"))}" : string.Empty;
        end.ReportDiagnostic(AppService.Disagreement(
            DiagnosticDescriptors.ProbePathNotMapped,
            at,
            argument,
            $"The app maps no GET endpoint at '{path}', the path its {probes} for ({property}){hint}: in the cluster every probe gets 404 and the Pod restarts forever",
            properties));
    }

    /// <summary>
    /// Controllers that <c>MapControllers</c> finds in other assemblies of the app (application parts),
    /// whose routes this compilation cannot read.
    /// </summary>
    private static bool ControllersElsewhere(Compilation compilation, MappedPaths mapped, string path)
    {
        if (!mapped.MapsControllers)
        {
            return false;
        }

        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            var name = assembly.Identity.Name;
            if (name.StartsWith("Microsoft.", System.StringComparison.Ordinal) || name.StartsWith("System", System.StringComparison.Ordinal) || name is "netstandard" or "mscorlib")
            {
                continue;
            }

            foreach (var module in assembly.Modules)
            {
                if (module.ReferencedAssemblies.Any(referenced => referenced.Name == "Microsoft.AspNetCore.Mvc.Core"))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
