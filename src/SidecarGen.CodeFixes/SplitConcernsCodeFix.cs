using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

using SidecarGen.Pod;
using SidecarGen.Rules;

namespace SidecarGen.CodeFixes;

/// <summary>
/// SCG0001 on <c>[Sidecar(name, image, Concerns = A | B)]</c>: one sidecar per concern, named
/// <c>name-a</c>, <c>name-b</c>. The first keeps every other argument; the others keep all but
/// <c>Ports</c>, so the split never creates a port collision.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SplitConcernsCodeFix)), Shared]
public sealed class SplitConcernsCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.SeveralConcerns);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root?.FindNode(diagnostic.Location.SourceSpan);
            var attribute = node as AttributeSyntax ?? node?.FirstAncestorOrSelf<AttributeSyntax>();
            if (root is null || attribute?.ArgumentList is not { } list
                || model?.GetTypeInfo(attribute, context.CancellationToken).Type?.ToDisplayString() != typeof(SidecarAttribute).FullName
                || list.Arguments.FirstOrDefault() is not { NameEquals: null, Expression: LiteralExpressionSyntax { Token.Value: string name } }
                || list.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == nameof(SidecarAttribute.Concerns)) is not { } concernsArgument
                || Flags(concernsArgument.Expression) is not { Count: > 1 } concerns)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Split into one sidecar per concern",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(Split(root, attribute, list, name, concernsArgument, concerns))),
                    equivalenceKey: nameof(SplitConcernsCodeFix)),
                diagnostic);
        }
    }

    private static SyntaxNode Split(SyntaxNode root, AttributeSyntax attribute, AttributeArgumentListSyntax list, string name, AttributeArgumentSyntax concernsArgument, IReadOnlyList<string> concerns)
    {
        var split = concerns.Select((concern, index) =>
        {
            var arguments = list.Arguments
                .Where(a => index == 0 || a.NameEquals?.Name.Identifier.ValueText != nameof(SidecarAttribute.Ports))
                .Select(a => a == list.Arguments[0]
                    ? a.WithExpression(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name + "-" + Naming.KebabCase(concern))))
                    : a == concernsArgument
                        ? a.WithExpression(SyntaxFactory.ParseExpression(nameof(SidecarConcerns) + "." + concern))
                        : a);
            return attribute.WithArgumentList(list.WithArguments(SyntaxFactory.SeparatedList(arguments)));
        }).ToList();

        if (attribute.Parent is AttributeListSyntax { Attributes.Count: 1 } attributeList)
        {
            var lists = split.Select((a, i) =>
            {
                var single = attributeList.WithAttributes(SyntaxFactory.SingletonSeparatedList(a));
                return i == 0 ? single : single.WithLeadingTrivia(attributeList.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)));
            });
            return root.ReplaceNode(attributeList, lists);
        }

        return root.ReplaceNode(attribute, split);
    }

    /// <summary><c>SidecarConcerns.Logging | SidecarConcerns.Metrics</c> → Logging, Metrics (only plain member access is split).</summary>
    private static List<string>? Flags(ExpressionSyntax expression)
    {
        var flags = new List<string>();
        foreach (var part in Parts(expression))
        {
            if (part is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: var flag })
            {
                return null;
            }

            flags.Add(flag);
        }

        return flags;
    }

    private static IEnumerable<ExpressionSyntax> Parts(ExpressionSyntax expression) =>
        expression is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.BitwiseOrExpression)
            ? Parts(binary.Left).Concat(Parts(binary.Right))
            : new[] { expression is ParenthesizedExpressionSyntax p ? p.Expression : expression };
}
