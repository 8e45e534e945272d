using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SidecarGen.Model;
using SidecarGen.Reading;

namespace SidecarGen.Diagnostics.Analyzers;

/// <summary>
/// Every SidecarGen analyzer does no work at all in a compilation that does not reference SidecarGen,
/// and otherwise starts from what the generator starts from: the build settings and the entry-point class.
/// </summary>
internal static class AnalyzerSetup
{
    public static void OnSidecarGenCompilations(AnalysisContext context, Action<CompilationStartAnalysisContext, BuildSettings, INamedTypeSymbol?> start)
    {
        context.RegisterCompilationStartAction(compilation =>
        {
            if (compilation.Compilation.GetTypeByMetadataName(KnownTypes.SidecarMetadataName) is null)
            {
                return;
            }

            var settings = BuildSettingsReader.Read(compilation.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
            start(compilation, settings, EntryPointClass.Find(compilation.Compilation, settings.RootNamespace, compilation.CancellationToken));
        });
    }
}
