using System;
using Microsoft.CodeAnalysis.Diagnostics;
using SidecarGen.Reading;

namespace SidecarGen.Diagnostics.Analyzers;

/// <summary>Every SidecarGen analyzer does no work at all in a compilation that does not reference SidecarGen.</summary>
internal static class AnalyzerSetup
{
    public static void OnSidecarGenCompilations(AnalysisContext context, Action<CompilationStartAnalysisContext> start)
    {
        context.RegisterCompilationStartAction(compilation =>
        {
            if (compilation.Compilation.GetTypeByMetadataName(KnownTypes.Sidecar) is not null)
            {
                start(compilation);
            }
        });
    }
}
