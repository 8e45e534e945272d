using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SidecarGen.Model;
using SidecarGen.Reading;
using SidecarGen.Rules;
using SidecarGen.Systems;

namespace SidecarGen.Diagnostics.Analyzers;

/// <summary>
/// SCG0017, SCG0018, SCG0019, SCG0027: the checks of a system project (<c>SidecarGenSystem</c>) on its services,
/// read from their descriptions as the system generator reads them, and reported in each service's own
/// source file, where the call or the name is written.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SystemAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UnknownService, DiagnosticDescriptors.DuplicateService, DiagnosticDescriptors.NoClientCertificate, DiagnosticDescriptors.UnreadableService);

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
            var findings = SystemRules.Check(new SystemDeclaration(name, settings, descriptions));
            if (findings.Count == 0)
            {
                return;
            }

            // The services' source files, which the system's build adds beside the descriptions.
            var sources = new Dictionary<string, SourceText>(StringComparer.Ordinal);
            foreach (var file in compilation.Options.AdditionalFiles)
            {
                if (!sources.ContainsKey(file.Path) && file.GetText(compilation.CancellationToken) is { } text)
                {
                    sources.Add(file.Path, text);
                }
            }

            foreach (var finding in findings)
            {
                compilation.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.For(finding.Finding.RuleId),
                    SystemLocator.Locate(descriptions[finding.Service], finding.Finding, sources),
                    finding.Finding.Message));
            }
        });
    }
}
