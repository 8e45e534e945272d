using Microsoft.CodeAnalysis;
using SidecarGen.Emit;
using SidecarGen.Emit.Description;
using SidecarGen.Pipeline;
using SidecarGen.Reading;

namespace SidecarGen;

/// <summary>
/// The entry-point class's attributes → a <see cref="Model.ServiceDeclaration"/> → a plan → Kubernetes
/// and Compose files, embedded in the compilation as assembly metadata for the MSBuild task to write to
/// disk; beside them the service's description, for the systems that reference it. Every step after the
/// first holds only equatable data, so an edit elsewhere leaves them cached.
/// </summary>
/// <remarks>
/// SidecarGen's attributes live on one class, the entry point, so the first step looks that class up
/// by name in the compiler's symbol tables (<see cref="EntryPointClass"/>) instead of registering a
/// <c>ForAttributeWithMetadataName</c> provider per attribute: those keep a table entry per syntax
/// tree and walk it on every edit, and cannot see a user's own sidecar attributes. docs/performance.md
/// has the measurements behind this choice.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class SidecarGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var settings = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => BuildSettingsReader.Read(options.GlobalOptions))
            .WithTrackingName(TrackingNames.Settings);

        // Runs on every compilation, like the transform of any attribute-driven provider: the attribute
        // arguments can depend on any file (a constant, the user's own sidecar attribute class).
        var declared = context.CompilationProvider
            .Combine(settings.Select(static (settings, _) => settings.RootNamespace))
            .Select(static (input, cancellationToken) =>
                EntryPointClass.Find(input.Left, input.Right, cancellationToken) is { } entryPoint
                    ? AttributeReader.Declared(entryPoint, cancellationToken)
                    : null)
            .WithTrackingName(TrackingNames.Declared);

        // Without the source spans, so moving the attributes down a line changes nothing below.
        var service = declared
            .Select(static (declared, _) => declared is null ? null : DeclarationReader.Read(declared.Attributes))
            .WithTrackingName(TrackingNames.Service);

        var manifests = service
            .Combine(settings)
            // A system project's files are the system's (SystemGenerator), never a service's of its own.
            .Select(static (input, _) => input.Right.System is null ? ServicePipeline.Render(input.Left, input.Right) : EmbeddedManifests.None)
            .WithTrackingName(TrackingNames.Manifests);

        context.RegisterSourceOutput(manifests, static (output, embedded) =>
        {
            if (embedded.Source is { } source)
            {
                output.AddSource(ManifestEmbedding.HintName, source);
            }
        });

        var description = declared
            .Combine(settings)
            .Select(static (input, _) => input.Left is { } declared && input.Right.System is null
                ? ManifestEmbedding.Description(ServiceDescriptionWriter.Write(input.Right, declared.Attributes, declared.Source), declared.Source.Files)
                : null)
            .WithTrackingName(TrackingNames.Description);

        context.RegisterSourceOutput(description, static (output, source) =>
        {
            if (source is not null)
            {
                output.AddSource(ManifestEmbedding.DescriptionHintName, source);
            }
        });
    }
}
