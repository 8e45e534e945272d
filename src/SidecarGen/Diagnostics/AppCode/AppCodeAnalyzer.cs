using Microsoft.CodeAnalysis.Diagnostics;
using SidecarGen.Diagnostics.Analyzers;

namespace SidecarGen.Diagnostics.AppCode;

/// <summary>
/// The shared shape of the analyzers that compare the app's own code with its declared service: only in
/// SidecarGen compilations with an entry point that declares a service, with that service read once per
/// compilation (<see cref="AppService"/>). The service is read, never validated here: these rules run on
/// every edit, and the validation belongs to the rule analyzers. Each rule registers its own narrow
/// operation actions on the symbols it knows (<see cref="AppSymbols"/>).
/// </summary>
public abstract class AppCodeAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        AnalyzerSetup.OnSidecarGenCompilations(context, (start, settings, entryPoint) =>
        {
            if (entryPoint is not null && AppService.Of(start.Compilation, entryPoint, settings, start.CancellationToken) is { } service)
            {
                Start(start, service);
            }
        });
    }

    /// <summary>Registers the rule's actions for one compilation, knowing the service it declares.</summary>
    private protected abstract void Start(CompilationStartAnalysisContext start, AppService service);
}
