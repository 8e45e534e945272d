using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SidecarGen.Diagnostics.AppCode;

/// <summary>
/// What a compilation's code maps, gathered from every file as its calls are seen: the GET routes
/// (<c>MapGet</c>, <c>Map</c>, <c>MapMethods</c>, <c>MapHealthChecks</c>, <c>UseHealthChecks</c>) under
/// their <c>MapGroup</c> prefixes, the controllers' attribute routes when <c>MapControllers</c> is called,
/// and whether anything may answer a path the analyzer cannot know (a path computed at run time, a
/// fallback, conventional routes, middleware that may answer any request). Filled concurrently.
/// </summary>
internal sealed class MappedPaths
{
    private const int MaxDepth = 8;

    private static readonly string[] AnswersAnyPath = { "Use", "Run", "UseMiddleware", "Map", "MapWhen", "UseWhen", "UseRouter", "UseWelcomePage", "UseRewriter", "UseSpa" };

    private readonly AppSymbols symbols;

    // Looked up once: Read compares every call of the app with them.
    private readonly INamedTypeSymbol? endpoints;
    private readonly INamedTypeSymbol? healthEndpoints;
    private readonly INamedTypeSymbol? healthMiddleware;
    private readonly INamedTypeSymbol? controllers;
    private readonly INamedTypeSymbol? webApplication;
    private readonly INamedTypeSymbol? endpointRouteBuilder;
    private readonly INamedTypeSymbol? applicationBuilder;

    private readonly List<Mapping> mappings = new();
    private readonly List<RoutePattern> controllerRoutes = new();
    private readonly int port;
    private Location? run;
    private bool mapsControllers;

    public MappedPaths(AppSymbols symbols, int port)
    {
        this.symbols = symbols;
        this.port = port;
        endpoints = symbols.Type(WellKnownTypes.EndpointRouteBuilderExtensions);
        healthEndpoints = symbols.Type(WellKnownTypes.HealthCheckEndpointRouteBuilderExtensions);
        healthMiddleware = symbols.Type(WellKnownTypes.HealthCheckApplicationBuilderExtensions);
        controllers = symbols.Type(WellKnownTypes.ControllerEndpointRouteBuilderExtensions);
        webApplication = symbols.Type(WellKnownTypes.WebApplication);
        endpointRouteBuilder = symbols.Type(WellKnownTypes.EndpointRouteBuilder);
        applicationBuilder = symbols.Type(WellKnownTypes.ApplicationBuilder);
    }

    /// <summary>Something may answer a path the code does not say: the rule cannot be certain.</summary>
    public bool Unknown { get; private set; }

    /// <summary>The code builds an ASP.NET Core app the analyzer understands: a <c>WebApplication</c> run, or known routes.</summary>
    public bool Understood { get; private set; }

    public IReadOnlyList<Mapping> Mappings => mappings;

    /// <summary>Where the app starts serving (<c>app.Run()</c>), if the code says.</summary>
    public Location? Run => run;

    /// <summary><c>MapControllers</c> is called: the controllers' attribute routes are served.</summary>
    public bool MapsControllers => mapsControllers;

    /// <summary>A GET of <paramref name="path"/> reaches a controller action (only when <c>MapControllers</c> is called).</summary>
    public bool ControllersMatch(string path)
    {
        lock (mappings)
        {
            return mapsControllers && controllerRoutes.Exists(route => route.Matches(path));
        }
    }

    public void Read(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (invocation.Calls(endpoints, method.Name))
        {
            switch (method.Name)
            {
                case "MapGet" or "Map":
                    Add(invocation, "pattern", health: false);
                    break;
                case "MapMethods":
                    if (AdmitsGet(invocation.Argument("httpMethods")) is bool get)
                    {
                        if (get)
                        {
                            Add(invocation, "pattern", health: false);
                        }
                    }
                    else
                    {
                        Unknown = true;
                    }

                    break;
                case "MapPost" or "MapPut" or "MapDelete" or "MapPatch" or "MapGroup":
                    Understood = true;
                    break;
                default:
                    // MapFallback and whatever else routing adds: it may answer any path.
                    Unknown = true;
                    break;
            }
        }
        else if (invocation.Calls(healthEndpoints, "MapHealthChecks"))
        {
            Add(invocation, "pattern", health: true);
        }
        else if (invocation.Calls(healthMiddleware, "UseHealthChecks"))
        {
            // UseHealthChecks(path, port) answers only on that port.
            var onPort = invocation.Argument("port");
            if (onPort is null || ConstantResolver.Int(onPort) == port)
            {
                Add(invocation, "path", health: true);
            }
            else if (ConstantResolver.Int(onPort) is null)
            {
                Unknown = true;
            }
        }
        else if (invocation.Calls(controllers, method.Name))
        {
            lock (mappings)
            {
                mapsControllers |= method.Name == "MapControllers";
            }

            // Conventional routes (MapControllerRoute, MapDefaultControllerRoute, MapFallbackToController) may reach any path.
            Unknown |= method.Name != "MapControllers";
            Understood = true;
        }
        else if (method.Name is "Run" or "RunAsync" or "Start" or "StartAsync"
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, webApplication))
        {
            Understood = true;
            var location = invocation.Syntax.GetLocation();
            lock (mappings)
            {
                run ??= location;
            }
        }
        else if (!IsInSource(method) && MayAnswerAnyPath(method))
        {
            Unknown = true;
        }
    }

    /// <summary>Reads a type's attribute routes, kept for when <c>MapControllers</c> is called.</summary>
    public void ReadController(INamedTypeSymbol type)
    {
        var routes = new List<RoutePattern>();
        var known = ControllerRoutes.Read(type, symbols, routes);
        lock (mappings)
        {
            controllerRoutes.AddRange(routes);
        }

        Unknown |= !known;
    }

    /// <summary>
    /// A method compiled elsewhere that routes or handles requests in ways the analyzer does not know:
    /// another library's endpoints (gRPC, YARP, SignalR hubs, Razor Pages) or middleware that may answer
    /// any request (<c>Use</c>, <c>Run</c>, <c>UseMiddleware</c>, …, or any middleware outside ASP.NET Core).
    /// The app's own helpers are read where they are written.
    /// </summary>
    private bool MayAnswerAnyPath(IMethodSymbol method)
    {
        var receiver = method.IsExtensionMethod && method.OriginalDefinition.Parameters.Length > 0
            ? method.OriginalDefinition.Parameters[0].Type
            : method.IsStatic ? null : method.ContainingType;
        if (receiver is null or ITypeParameterSymbol)
        {
            return false;
        }

        if (receiver.IsOrInherits(endpointRouteBuilder)
            && !SymbolEqualityComparer.Default.Equals(method.ContainingType, webApplication))
        {
            return true;
        }

        return receiver.IsOrInherits(applicationBuilder)
            && (Array.IndexOf(AnswersAnyPath, method.Name) >= 0
                || method.ContainingAssembly?.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) != true);
    }

    private static bool IsInSource(IMethodSymbol method) => method.Locations.Length > 0 && method.Locations[0].IsInSource;

    private void Add(IInvocationOperation invocation, string parameter, bool health)
    {
        Understood = true;
        if (ConstantResolver.String(invocation.Argument(parameter)) is not { } template || Prefix(invocation.Receiver(), 0) is not { } prefix)
        {
            Unknown = true;
            return;
        }

        var mapping = new Mapping(RoutePattern.Parse(template).Under(prefix), invocation.Syntax.GetLocation(), health, DevelopmentOnly.Contains(invocation, symbols));
        lock (mappings)
        {
            mappings.Add(mapping);
        }
    }

    /// <summary>
    /// The route prefix of a route builder: none for the app itself, <c>MapGroup</c>'s (nested, through
    /// locals and fluent calls), else unknown (a builder passed in). Null when a group's prefix is not a
    /// constant: then nothing about the path can be known.
    /// </summary>
    private RoutePattern? Prefix(IOperation? builder, int depth)
    {
        var root = RoutePattern.Parse(string.Empty);
        if (depth > MaxDepth || builder is null)
        {
            return root.UnderUnknownPrefix();
        }

        if (builder.Type.IsOrInherits(webApplication))
        {
            return root;
        }

        switch (builder)
        {
            case IInvocationOperation group when group.Calls(endpoints, "MapGroup"):
                return ConstantResolver.String(group.Argument("prefix")) is { } text && Prefix(group.Receiver(), depth + 1) is { } outer
                    ? RoutePattern.Parse(text).Under(outer)
                    : null;
            case IInvocationOperation fluent when fluent.TargetMethod.IsExtensionMethod && SymbolEqualityComparer.Default.Equals(fluent.Type, fluent.Receiver()?.Type):
                return Prefix(fluent.Receiver(), depth + 1);
            case ILocalReferenceOperation local when Initializer(local) is { } value:
                return Prefix(value, depth + 1);
            case IConversionOperation conversion:
                return Prefix(conversion.Operand, depth + 1);
            default:
                return root.UnderUnknownPrefix();
        }
    }

    private static IOperation? Initializer(ILocalReferenceOperation local)
    {
        if (local.SemanticModel is not { } model
            || local.Local.DeclaringSyntaxReferences.Length != 1
            || local.Local.DeclaringSyntaxReferences[0].SyntaxTree != model.SyntaxTree
            || local.Local.DeclaringSyntaxReferences[0].GetSyntax() is not Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer.Value: { } value })
        {
            return null;
        }

        return model.GetOperation(value);
    }

    /// <summary>Whether MapMethods' constant list of methods includes GET; null when it is not constant.</summary>
    private static bool? AdmitsGet(IOperation? methods)
    {
        var items = methods switch
        {
            IConversionOperation { Operand: IArrayCreationOperation { Initializer: { } initializer } } => initializer.ElementValues,
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            _ => default,
        };
        if (items.IsDefault)
        {
            return null;
        }

        foreach (var item in items)
        {
            switch (ConstantResolver.String(item))
            {
                case null:
                    return null;
                case var text when text.Equals("GET", StringComparison.OrdinalIgnoreCase):
                    return true;
            }
        }

        return false;
    }

    /// <summary>A GET route the code maps, where, whether it is a health check endpoint, and whether it is mapped only in Development.</summary>
    internal sealed record Mapping(RoutePattern Route, Location Location, bool Health, bool DevelopmentOnly);
}
