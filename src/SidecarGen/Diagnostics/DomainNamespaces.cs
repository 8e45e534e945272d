using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SidecarGen.Diagnostics;

/// <summary>
/// Which namespaces hold domain types (SCG0002): those listed in <c>SidecarGenDomainNamespaces</c>
/// (prefix match at a segment boundary), else any namespace with a segment named Domain, Domains,
/// Entities, Aggregates or Business.
/// </summary>
internal sealed class DomainNamespaces
{
    private static readonly string[] DefaultSegments = { "Domain", "Domains", "Entities", "Aggregates", "Business" };
    private static readonly char[] Separators = { ';', ',' };
    private readonly string[] prefixes;

    public DomainNamespaces(string? configured) =>
        prefixes = (configured ?? string.Empty).Split(Separators, StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()).Where(p => p.Length > 0).ToArray();

    /// <summary>Whether the type, or (with <paramref name="typeArguments"/>) one of its generic arguments, is a domain type.</summary>
    public bool Contains(ITypeSymbol type, bool typeArguments = true)
    {
        var element = type switch
        {
            IArrayTypeSymbol array => array.ElementType,
            IPointerTypeSymbol pointer => pointer.PointedAtType,
            _ => type,
        };
        if (typeArguments && element is INamedTypeSymbol { IsGenericType: true } generic && generic.TypeArguments.Any(t => Contains(t)))
        {
            return true;
        }

        if (element.ContainingNamespace is not { IsGlobalNamespace: false } ns)
        {
            return false;
        }

        var name = ns.ToDisplayString();
        return prefixes.Length > 0
            ? prefixes.Any(prefix => name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal))
            : name.Split('.').Any(segment => DefaultSegments.Contains(segment));
    }
}
