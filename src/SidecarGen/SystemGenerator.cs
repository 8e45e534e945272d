using System.Linq;
using Microsoft.CodeAnalysis;
using SidecarGen.Emit;
using SidecarGen.Model;
using SidecarGen.Pipeline;
using SidecarGen.Reading;
using SidecarGen.Systems;

namespace SidecarGen;

/// <summary>
/// A system project's files: the descriptions of its services (additional files its build extracted
/// from their assemblies) → each service read and planned knowing the others → one Compose project and
/// one kustomization, embedded like a single service's manifests. In a project without
/// <c>SidecarGenSystem</c> it does nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SystemGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var settings = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => BuildSettingsReader.Read(options.GlobalOptions));

        var descriptions = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (input, cancellationToken) => ServiceDescriptionFiles.Read(input.Left, input.Right.GetOptions(input.Left), cancellationToken))
            .Collect()
            .Select(static (descriptions, _) => new ServiceDescriptions(descriptions.OfType<ServiceDescription>().ToEquatableArray()));

        var system = settings
            .Combine(descriptions)
            .Select(static (input, _) => input.Left.System is { } name
                ? SystemPipeline.Render(new SystemDeclaration(name, input.Left, input.Right.Items))
                : EmbeddedManifests.None)
            .WithTrackingName(TrackingNames.System);

        context.RegisterSourceOutput(system, static (output, embedded) =>
        {
            if (embedded.Source is { } source)
            {
                output.AddSource(ManifestEmbedding.HintName, source);
            }
        });
    }
}
