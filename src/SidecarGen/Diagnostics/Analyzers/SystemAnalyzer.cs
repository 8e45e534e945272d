using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SidecarGen.Model;
using SidecarGen.Pipeline;
using SidecarGen.Reading;
using SidecarGen.Rules;
using SidecarGen.Systems;

namespace SidecarGen.Diagnostics.Analyzers;

/// <summary>
/// What a system project's (<c>SidecarGenSystem</c>) pipeline finds, read from its services' descriptions
/// as the system generator reads them, and reported in each service's own source file: the system's own
/// checks (SCG0017, SCG0018, SCG0019, SCG0027), and any rule a service breaks only under the system's
/// settings or on the system's networks, which its own build cannot see.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SystemAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.All.ToImmutableArray();

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
            var findings = SystemPipeline.Check(new SystemDeclaration(name, settings, descriptions)).Findings;
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
                    finding.Service < 0 ? Location.None : SystemLocator.Locate(descriptions[finding.Service], finding.Finding, sources),
                    finding.Finding.Message));
            }
        });
    }
}
