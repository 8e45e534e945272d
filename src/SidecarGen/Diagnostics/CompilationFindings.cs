using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using SidecarGen.Model;
using SidecarGen.Pipeline;
using SidecarGen.Reading;
using SidecarGen.Rules;

namespace SidecarGen.Diagnostics;

/// <summary>
/// The findings of the project's service, read and validated once per compilation however many
/// analyzers ask: each rule analyzer reports its own family from the same list.
/// </summary>
internal static class CompilationFindings
{
    private static readonly ConditionalWeakTable<Compilation, StrongBox<EquatableArray<Finding>>> Cache = new();

    public static EquatableArray<Finding> Of(Compilation compilation, INamedTypeSymbol entryPoint, BuildSettings settings, CancellationToken cancellationToken)
    {
        if (Cache.TryGetValue(compilation, out var cached))
        {
            return cached.Value;
        }

        var findings = AttributeReader.Read(entryPoint, cancellationToken) is { } declaration
            ? ServicePipeline.Check(declaration, settings).Findings
            : EquatableArray<Finding>.Empty;

        // Two analyzers may race to here; both computed the same list, and the first one stored wins.
        return Cache.GetValue(compilation, _ => new StrongBox<EquatableArray<Finding>>(findings)).Value;
    }
}
