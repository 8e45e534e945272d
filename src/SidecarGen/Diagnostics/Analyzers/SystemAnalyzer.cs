using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SidecarGen.Model;
using SidecarGen.Reading;
using SidecarGen.Rules;
using SidecarGen.Systems;

namespace SidecarGen.Diagnostics.Analyzers;

/// <summary>
/// SCG0017, SCG0018, SCG0019: the checks of a system project (<c>SidecarGenSystem</c>) on its services,
/// read from their descriptions as the system generator reads them, and reported in each service's own
/// source file, where the call or the name is written.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SystemAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UnknownService, DiagnosticDescriptors.DuplicateService, DiagnosticDescriptors.NoClientCertificate);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationAction(compilation =>
        {
            var options = compilation.Options.AnalyzerConfigOptionsProvider;
            var settings = BuildSettingsReader.Read(options.GlobalOptions);
            if (settings.System is not { } name)
            {
                return;
            }

            var descriptions = compilation.Options.AdditionalFiles
                .Select(file => ServiceDescriptionFiles.Read(file, options.GetOptions(file), compilation.CancellationToken))
                .OfType<ServiceDescription>()
                .ToEquatableArray();
            foreach (var finding in SystemRules.Check(SystemService.Of(new SystemDeclaration(name, settings, descriptions))))
            {
                compilation.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.For(finding.Finding.RuleId),
                    SystemLocator.Locate(descriptions[finding.Service], finding.Finding),
                    finding.Finding.Message));
            }
        });
    }
}
