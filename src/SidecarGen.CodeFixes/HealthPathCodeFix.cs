using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using SidecarGen.Rules;

namespace SidecarGen.CodeFixes;

/// <summary>
/// SCG0028: sets <c>HealthPath</c> to the one health endpoint the app maps. Offered only when the
/// analyzer found exactly one, a plain path: then there is one obvious answer.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HealthPathCodeFix)), Shared]
public sealed class HealthPathCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ProbePathNotMapped);

    /// <inheritdoc/>
    /// <remarks>No fix-all: one service has one HealthPath.</remarks>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FixProperties.Value, out var path) || path is null
                || await ServiceAttributeEdit.Target(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is not { } target)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Set HealthPath to \"{path}\"",
                    cancellationToken => ServiceAttributeEdit.Set(
                        target.Document,
                        target.Node,
                        nameof(SidecarServiceAttribute.HealthPath),
                        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(path)),
                        cancellationToken),
                    equivalenceKey: nameof(HealthPathCodeFix)),
                diagnostic);
        }
    }
}
