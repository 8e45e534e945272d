using Microsoft.CodeAnalysis;

namespace SidecarGen.Diagnostics.AppCode;

/// <summary>
/// Code the analyzers cannot see: a library the app references (a shared ServiceDefaults project, a
/// company's extension package) that itself references an assembly may call it for the app. A rule
/// that looks for such a call says nothing then. The framework's own assemblies (<c>Microsoft.*</c>,
/// <c>System.*</c>) are not counted: they add no exporter or configuration file of the app's.
/// A project reference is compiled against the library's reference assembly, which lists only the
/// assemblies its public surface names: eShop's ServiceDefaults calls <c>AddOtlpExporter()</c> in a
/// method body, and its reference assembly does not reference the exporter. So a reference assembly
/// counts as referencing each named assembly the app has (where the library's packages flow).
/// </summary>
internal static class ReferencedLibraries
{
    /// <summary>A referenced assembly other than the framework's references one named in <paramref name="assemblyNames"/>.</summary>
    public static bool Reference(Compilation compilation, params string[] assemblyNames)
    {
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (IsFramework(assembly.Identity.Name) || Contains(assemblyNames, assembly.Identity.Name))
            {
                continue;
            }

            if (IsReferenceAssembly(assembly) && AppReferences(compilation, assemblyNames))
            {
                return true;
            }

            foreach (var module in assembly.Modules)
            {
                foreach (var referenced in module.ReferencedAssemblies)
                {
                    if (Contains(assemblyNames, referenced.Name))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool IsReferenceAssembly(IAssemblySymbol assembly)
    {
        foreach (var attribute in assembly.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "ReferenceAssemblyAttribute" } type
                && type.ContainingNamespace.ToDisplayString() == "System.Runtime.CompilerServices")
            {
                return true;
            }
        }

        return false;
    }

    private static bool AppReferences(Compilation compilation, string[] assemblyNames)
    {
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (Contains(assemblyNames, assembly.Identity.Name))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsFramework(string name) =>
        name.StartsWith("Microsoft.", System.StringComparison.Ordinal) || name.StartsWith("System.", System.StringComparison.Ordinal)
        || name is "System" or "mscorlib" or "netstandard";

    private static bool Contains(string[] names, string name)
    {
        foreach (var candidate in names)
        {
            if (candidate == name)
            {
                return true;
            }
        }

        return false;
    }
}
