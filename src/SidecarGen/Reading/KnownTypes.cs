using Microsoft.CodeAnalysis;

namespace SidecarGen.Reading;

/// <summary>
/// Recognizes the types of SidecarGen.Abstractions by name and namespace, without building strings:
/// the analyzers ask this of every attribute in a project.
/// </summary>
internal static class KnownTypes
{
    /// <summary>The base of every sidecar attribute; its presence means the project references SidecarGen.</summary>
    public const string SidecarMetadataName = Namespace + "." + Sidecar;

    private const string Namespace = nameof(SidecarGen);
    private const string Sidecar = nameof(SidecarAttribute);
    private const string SidecarService = nameof(SidecarServiceAttribute);
    private const string SidecarConcern = nameof(SidecarConcernAttribute);

    /// <summary>A type declared in SidecarGen.Abstractions (namespace <c>SidecarGen</c>).</summary>
    public static bool IsOwn(INamedTypeSymbol type) =>
        type.ContainingNamespace is { Name: Namespace, ContainingNamespace.IsGlobalNamespace: true };

    public static bool IsServiceAttribute(INamedTypeSymbol type) => Is(type, SidecarService);

    public static bool IsConcernAttribute(INamedTypeSymbol type) => Is(type, SidecarConcern);

    /// <summary><c>SidecarAttribute</c> itself or any class derived from it: built-in or the user's own.</summary>
    public static bool IsSidecarAttribute(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (Is(current, Sidecar))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsSidecarGenAttribute(INamedTypeSymbol type) => IsServiceAttribute(type) || IsSidecarAttribute(type);

    private static bool Is(INamedTypeSymbol type, string name) => type.MetadataName == name && IsOwn(type);
}
