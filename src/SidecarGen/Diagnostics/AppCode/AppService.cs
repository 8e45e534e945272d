using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using SidecarGen.Model;
using SidecarGen.Pipeline;
using SidecarGen.Planning;
using SidecarGen.Pod;
using SidecarGen.Reading;

namespace SidecarGen.Diagnostics.AppCode;

/// <summary>
/// The service the project declares, as the app-code rules see it: read once per compilation through
/// the generator's own reader (<see cref="AttributeReader"/>, whose last result is kept), and the way
/// back from a property to the argument that sets it, so a disagreement is reported at the code and,
/// as an additional location, at the attribute argument it contradicts.
/// </summary>
internal sealed class AppService
{
    private static readonly ConditionalWeakTable<Compilation, StrongBox<AppService?>> Cache = new();

    private readonly Lazy<ServicePlan?> plan;

    private AppService(Compilation compilation, INamedTypeSymbol entryPoint, ServiceDeclaration declaration, BuildSettings settings)
    {
        Compilation = compilation;
        EntryPoint = entryPoint;
        Declaration = declaration;
        Settings = settings;
        Symbols = AppSymbols.Of(compilation);
        plan = new Lazy<ServicePlan?>(() => ServicePipeline.Check(declaration, settings).Plan);
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol EntryPoint { get; }

    public ServiceDeclaration Declaration { get; }

    public BuildSettings Settings { get; }

    /// <summary>The well-known framework types of this compilation.</summary>
    public AppSymbols Symbols { get; }

    /// <summary><c>[SidecarService]</c>'s options, its defaults when the attribute is left out.</summary>
    public ServiceOptions Options => Declaration.Options;

    /// <summary>
    /// The Pod the generator writes, or null while an error stands. The pipeline keeps its last result,
    /// so in a build this is the plan the generator has just made; a rule asks for it only on its rare
    /// path, once the code already seems to disagree, so an edit does not re-run the validation.
    /// </summary>
    public ServicePlan? Plan => plan.Value;

    /// <summary>The service's name as the manifests write it.</summary>
    public string Name => ServicePlanner.ServiceName(Declaration, Settings);

    /// <summary>The service the entry point declares, or null when it carries no SidecarGen attribute.</summary>
    public static AppService? Of(Compilation compilation, INamedTypeSymbol entryPoint, BuildSettings settings, CancellationToken cancellationToken)
    {
        if (Cache.TryGetValue(compilation, out var cached))
        {
            return cached.Value;
        }

        var service = AttributeReader.Read(entryPoint, cancellationToken) is { } declaration
            ? new AppService(compilation, entryPoint, declaration, settings)
            : null;

        // Two analyzers may race to here; both read the same service, and the first one stored wins.
        return Cache.GetValue(compilation, _ => new StrongBox<AppService?>(service)).Value;
    }

    /// <summary>The first declared sidecar whose options are <typeparamref name="TOptions"/> (a kind), or null.</summary>
    public SidecarDeclaration? Sidecar<TOptions>()
        where TOptions : SidecarOptions
    {
        foreach (var sidecar in Declaration.Sidecars)
        {
            if (sidecar.Options is TOptions)
            {
                return sidecar;
            }
        }

        return null;
    }

    /// <summary>Where <c>[SidecarService]</c> sets <paramref name="property"/>: the argument, else the attribute, else the class.</summary>
    public Location ServiceArgument(string property, CancellationToken cancellationToken, int? item = null) =>
        FindingLocator.Locate(EntryPoint, Declaration.ServiceOrdinal, property, item, cancellationToken);

    /// <summary>Where the attribute at <paramref name="ordinal"/> (a sidecar's) sets <paramref name="property"/>.</summary>
    public Location Argument(int ordinal, string property, CancellationToken cancellationToken, int? item = null) =>
        FindingLocator.Locate(EntryPoint, ordinal, property, item, cancellationToken);

    /// <summary>A diagnostic at the code that disagrees, with the attribute argument it disagrees with as its additional location.</summary>
    public static Diagnostic Disagreement(DiagnosticDescriptor descriptor, Location code, Location argument, string message, ImmutableDictionary<string, string?>? properties = null) =>
        Diagnostic.Create(
            descriptor,
            code,
            argument == Location.None ? null : new[] { argument },
            properties ?? ImmutableDictionary<string, string?>.Empty,
            message);
}
