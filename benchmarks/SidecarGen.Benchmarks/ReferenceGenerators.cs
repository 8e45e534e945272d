using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SidecarGen.Benchmarks;

/// <summary>Generators that do part of SidecarGen's work, to compare its re-run with.</summary>
internal static class ReferenceGenerators
{
    /// <summary>
    /// Binds the entry point's attributes and stops there: the least any generator that reads them must
    /// do on a new compilation.
    /// </summary>
    public sealed class BindingFloor : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterSourceOutput(
                context.CompilationProvider.Select(static (compilation, _) => compilation.Assembly.GetTypeByMetadataName("Program")?.GetAttributes().Length ?? 0),
                static (_, _) => { });
    }

    /// <summary>
    /// The discovery SidecarGen used before it looked the entry point up: a ForAttributeWithMetadataName
    /// provider per attribute it recognizes, here without reading anything.
    /// </summary>
    public sealed class EightAttributeProviders : IIncrementalGenerator
    {
        private static readonly string[] Attributes =
        {
            "SidecarServiceAttribute", "SidecarAttribute", "LoggingSidecarAttribute", "MetricsSidecarAttribute",
            "AuthProxySidecarAttribute", "ServiceMeshSidecarAttribute", "ConfigWatcherSidecarAttribute", "TlsTerminationSidecarAttribute",
        };

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            foreach (var attribute in Attributes)
            {
                context.RegisterSourceOutput(
                    context.SyntaxProvider
                        .ForAttributeWithMetadataName("SidecarGen." + attribute, static (node, _) => node is ClassDeclarationSyntax, static (syntax, _) => syntax.TargetSymbol.Name)
                        .Collect(),
                    static (_, _) => { });
            }
        }
    }
}
