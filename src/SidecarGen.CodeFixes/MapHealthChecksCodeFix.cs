using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using SidecarGen.Rules;

namespace SidecarGen.CodeFixes;

/// <summary>
/// SCG0028 for an app that maps no health endpoint at all: maps ASP.NET Core's health checks at the probe's
/// path, <c>app.MapHealthChecks("/healthz");</c> before <c>app.Run()</c> (where the diagnostic is), and
/// registers them, <c>builder.Services.AddHealthChecks();</c> before <c>builder.Build()</c>, unless the
/// file already does. Offered only where both places are plain statements of this file.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MapHealthChecksCodeFix)), Shared]
public sealed class MapHealthChecksCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ProbePathNotMapped);

    /// <inheritdoc/>
    /// <remarks>No fix-all: the health checks are mapped once.</remarks>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FixProperties.MapHealthChecks, out var path) || path is null
                || root is null || model is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { Expression: MemberAccessExpressionSyntax { Expression: var app } } run
                || run.FirstAncestorOrSelf<StatementSyntax>() is not { Parent: BlockSyntax or GlobalStatementSyntax } runStatement)
            {
                continue;
            }

            var registered = root.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(call => Name(call) == "AddHealthChecks");
            var build = registered ? null : BuilderBuild(root, model, context.CancellationToken);
            if (!registered && build is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Map health checks at \"{path}\"",
                    cancellationToken => Map(context.Document, runStatement, app, path, build, cancellationToken),
                    equivalenceKey: nameof(MapHealthChecksCodeFix)),
                diagnostic);
        }
    }

    private static async Task<Document> Map(Document document, StatementSyntax runStatement, ExpressionSyntax app, string path, (StatementSyntax Statement, ExpressionSyntax Builder)? build, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        InsertBefore(editor, runStatement, $"{app.WithoutTrivia()}.MapHealthChecks({SyntaxFactory.Literal(path)});");
        if (build is { } registration)
        {
            InsertBefore(editor, registration.Statement, $"{registration.Builder.WithoutTrivia()}.Services.AddHealthChecks();");
        }

        return editor.GetChangedDocument();
    }

    /// <summary>
    /// The statement <paramref name="text"/> before <paramref name="beside"/>, indented as it is: a top-level
    /// statement beside a top-level statement, a statement of the block beside one in a block.
    /// </summary>
    private static void InsertBefore(DocumentEditor editor, StatementSyntax beside, string text)
    {
        var statement = SyntaxFactory.ParseStatement(text)
            .WithLeadingTrivia(beside.GetLeadingTrivia().Where(trivia => trivia.IsKind(SyntaxKind.WhitespaceTrivia)))
            .WithTrailingTrivia(beside.GetTrailingTrivia().Where(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia)));
        if (beside.Parent is GlobalStatementSyntax global)
        {
            editor.InsertBefore(global, SyntaxFactory.GlobalStatement(statement));
        }
        else
        {
            editor.InsertBefore(beside, statement);
        }
    }

    /// <summary>The statement holding <c>builder.Build()</c> on a <c>WebApplicationBuilder</c>, and the builder.</summary>
    private static (StatementSyntax Statement, ExpressionSyntax Builder)? BuilderBuild(SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var call in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (Name(call) == "Build" && call.Expression is MemberAccessExpressionSyntax { Expression: var builder }
                && model.GetTypeInfo(builder, cancellationToken).Type is { Name: "WebApplicationBuilder" } type
                && type.ContainingNamespace.ToDisplayString() == "Microsoft.AspNetCore.Builder"
                && call.FirstAncestorOrSelf<StatementSyntax>() is { Parent: BlockSyntax or GlobalStatementSyntax } statement)
            {
                return (statement, builder);
            }
        }

        return null;
    }

    private static string? Name(InvocationExpressionSyntax call) => call.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };
}
