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

/// <summary>
/// SCG0034: makes the load of the config watcher's files reload on change. The diagnostic is at the
/// <c>reloadOnChange</c> value when it is written (it then names <c>true</c>, written in its place), else
/// at the call, and names the arguments to add (<c>reloadOnChange: true</c>, after <c>optional: false</c>
/// when the overload called had neither, so whether the file is optional stays as it was).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReloadOnChangeCodeFix)), Shared]
public sealed class ReloadOnChangeCodeFix : CodeFixProvider
{
    /// <summary>What the diagnostic names when it is at the written <c>reloadOnChange</c> value: the value to write there.</summary>
    private const string ReplaceValue = "true";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ConfigNotReloaded);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node || Fixed(node, diagnostic) is not { } replacement)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Reload the configuration when the watcher changes it",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(replacement.Old, replacement.New))),
                    equivalenceKey: nameof(ReloadOnChangeCodeFix)),
                diagnostic);
        }
    }

    /// <summary>The node to replace and its replacement; null when the diagnostic has nothing for this fix to write.</summary>
    private static Replacement? Fixed(SyntaxNode node, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(FixProperties.Value, out var written) || written is null)
        {
            return null;
        }

        if (written == ReplaceValue)
        {
            var value = node is ArgumentSyntax argument ? argument.Expression : node as ExpressionSyntax;
            return value?.Parent is ArgumentSyntax ? new Replacement(value, SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(value)) : null;
        }

        if (node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation)
        {
            return null;
        }

        var added = SyntaxFactory.ParseArgumentList("(" + written + ")").Arguments;
        return new Replacement(invocation.ArgumentList, invocation.ArgumentList.WithArguments(invocation.ArgumentList.Arguments.AddRange(added)));
    }

    private sealed record Replacement(SyntaxNode Old, SyntaxNode New);
}
