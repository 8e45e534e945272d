using System.Threading;
using Microsoft.CodeAnalysis;

namespace SidecarGen.Reading;

/// <summary>
/// The class SidecarGen reads: the application's entry-point class. It is found by name lookups in the
/// compiler's symbol tables rather than by scanning the syntax trees, so the generator's cost on an edit
/// does not grow with the size of the project (docs/performance.md). The generator and the analyzers
/// both ask here, so SCG0008 flags exactly the attributes the manifests leave out.
/// </summary>
internal static class EntryPointClass
{
    private const string ConventionalName = "Program";

    public static INamedTypeSymbol? Find(Compilation compilation, string? rootNamespace, CancellationToken cancellationToken)
    {
        // StartupObject (-main:) names the class outright.
        if (compilation.Options.MainTypeName is { Length: > 0 } startupObject)
        {
            return Class(compilation, startupObject);
        }

        // Program in the global namespace is where top-level statements put it (the SPEC's form);
        // Program in the root namespace is the classic template's `static void Main`.
        return Class(compilation, ConventionalName)
            ?? (rootNamespace is { Length: > 0 } ? Class(compilation, rootNamespace + "." + ConventionalName) : null)
            // Any other layout: the entry point the compiler will emit (applications only; this one
            // walks the declarations, so it is the last resort).
            ?? compilation.GetEntryPoint(cancellationToken)?.ContainingType;
    }

    private static INamedTypeSymbol? Class(Compilation compilation, string metadataName) =>
        compilation.Assembly.GetTypeByMetadataName(metadataName) is { TypeKind: TypeKind.Class } type ? type : null;
}
