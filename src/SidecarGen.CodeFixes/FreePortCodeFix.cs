using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

using SidecarGen.Rules;

namespace SidecarGen.CodeFixes;

/// <summary>SCG0003: moves the colliding port to the next port no container of the Pod uses.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FreePortCodeFix)), Shared]
public sealed class FreePortCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.PortCollision);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FixProperties.Value, out var port) || port is null
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node
                || PortExpression(node) is not { } expression)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Move to port {port}",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(
                        expression,
                        SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture))).WithTriviaFrom(expression)))),
                    equivalenceKey: nameof(FreePortCodeFix)),
                diagnostic);
        }
    }

    /// <summary>The port literal the diagnostic points at: an array item, or a named argument's value.</summary>
    private static LiteralExpressionSyntax? PortExpression(SyntaxNode node) => node switch
    {
        AttributeArgumentSyntax argument when argument.Expression is LiteralExpressionSyntax literal => literal,
        LiteralExpressionSyntax literal => literal,
        _ => node.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().FirstOrDefault(l => l.IsKind(SyntaxKind.NumericLiteralExpression) && node is not AttributeSyntax),
    };
}
