using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SidecarGen.Rules;

namespace SidecarGen.CodeFixes;

/// <summary>SCG0030: adds the service the app calls to <c>[SidecarService(Calls = …)]</c>, creating the argument when it is missing.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddCallCodeFix)), Shared]
public sealed class AddCallCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UndeclaredCall);

    /// <inheritdoc/>
    /// <remarks>No fix-all: each diagnostic adds one name to the same array, which batched edits of one attribute would lose.</remarks>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FixProperties.Value, out var callee) || callee is null
                || await ServiceAttributeEdit.Target(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is not { } target
                || Calls(target.Node, callee) is not { } calls)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Add \"{callee}\" to Calls",
                    cancellationToken => ServiceAttributeEdit.Set(target.Document, target.Node, nameof(SidecarServiceAttribute.Calls), calls, cancellationToken),
                    equivalenceKey: nameof(AddCallCodeFix) + callee),
                diagnostic);
        }
    }

    /// <summary>The Calls array with <paramref name="callee"/> added; null when the written value is not an array the fix can extend.</summary>
    private static ExpressionSyntax? Calls(SyntaxNode target, string callee)
    {
        var item = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(callee));
        return target switch
        {
            AttributeArgumentSyntax { Expression: ImplicitArrayCreationExpressionSyntax array } => array.WithInitializer(array.Initializer.AddExpressions(item)),
            AttributeArgumentSyntax { Expression: ArrayCreationExpressionSyntax { Initializer: { } initializer } array } => array.WithInitializer(initializer.AddExpressions(item)),
            AttributeArgumentSyntax { Expression: CollectionExpressionSyntax collection } => collection.AddElements(SyntaxFactory.ExpressionElement(item)),
            AttributeArgumentSyntax => null,
            _ => SyntaxFactory.ImplicitArrayCreationExpression(SyntaxFactory.InitializerExpression(SyntaxKind.ArrayInitializerExpression, SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(item))),
        };
    }
}
