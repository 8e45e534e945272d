using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

using SidecarGen.Rules;

namespace SidecarGen.CodeFixes;

/// <summary>
/// SCG0005 on a built-in sidecar: removes the <c>Image</c> argument, so the sidecar runs its kind's
/// default image, which SidecarGen pins to a tested version.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PinImageCodeFix)), Shared]
public sealed class PinImageCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UnpinnedImage);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            // The analyzer names the kind's default image only for a built-in sidecar, which has one.
            if (!diagnostic.Properties.ContainsKey(FixProperties.Value)
                || root?.FindNode(diagnostic.Location.SourceSpan) is not AttributeArgumentSyntax { NameEquals.Name.Identifier.ValueText: nameof(SidecarAttribute.Image) } argument
                || argument.Parent is not AttributeArgumentListSyntax list
                || list.Parent is not AttributeSyntax attribute)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use the default pinned image",
                    _ =>
                    {
                        var arguments = list.Arguments.Remove(argument);
                        SyntaxNode fixedAttribute = arguments.Count == 0 ? attribute.WithArgumentList(null) : attribute.WithArgumentList(list.WithArguments(arguments));
                        return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(attribute, fixedAttribute)));
                    },
                    equivalenceKey: nameof(PinImageCodeFix)),
                diagnostic);
        }
    }
}
