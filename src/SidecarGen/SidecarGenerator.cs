using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SidecarGen.Emit;
using SidecarGen.Model;
using SidecarGen.Reading;

namespace SidecarGen;

/// <summary>
/// Attributes on <c>Program</c> → a <see cref="ServiceDeclaration"/> → a plan → Kubernetes and Compose
/// files, embedded in the compilation as assembly metadata for the MSBuild task to write to disk.
/// Every step holds only equatable data, so an edit elsewhere leaves the whole pipeline cached.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SidecarGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var declarations = KnownTypes.Triggers
            .Select(attribute => context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    attribute,
                    static (node, _) => node is ClassDeclarationSyntax,
                    static (syntax, cancellationToken) => AttributeReader.Read((INamedTypeSymbol)syntax.TargetSymbol, cancellationToken))
                .WithTrackingName(TrackingNames.Declarations)
                .Collect())
            .Aggregate(static (left, right) => left.Combine(right).Select(static (pair, _) => pair.Left.AddRange(pair.Right)))
            .Select(static (all, _) => Distinct(all))
            .WithTrackingName(TrackingNames.AllDeclarations);

        var settings = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => BuildSettingsReader.Read(options.GlobalOptions))
            .WithTrackingName(TrackingNames.Settings);

        var manifests = declarations
            .Combine(settings)
            .Select(static (pair, _) => ManifestRenderer.Render(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Manifests);

        context.RegisterSourceOutput(manifests, static (output, embedded) =>
        {
            if (embedded.Source is { } source)
            {
                output.AddSource(ManifestEmbedding.HintName, source);
            }
        });
    }

    /// <summary>A partial class with attributes in several files is found once per file; keep one, in a stable order.</summary>
    private static EquatableArray<ServiceDeclaration> Distinct(ImmutableArray<ServiceDeclaration> all) =>
        all.GroupBy(declaration => declaration.TypeName)
            .Select(group => group.First())
            .OrderBy(declaration => declaration.TypeName, System.StringComparer.Ordinal)
            .ToEquatableArray();
}
