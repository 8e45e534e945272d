using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SidecarGen.CodeFixes;

/// <summary>
/// Edits <c>[SidecarService]</c> from a diagnostic about the app's code: the app-code rules give the
/// attribute argument they disagree with (or the attribute, when the argument is not written) as the
/// diagnostic's additional location, which may be in another file than the code.
/// </summary>
internal static class ServiceAttributeEdit
{
    /// <summary>The attribute or argument the diagnostic points back at, and the document that holds it; null when it points at no attribute.</summary>
    public static async Task<(Document Document, SyntaxNode Node)?> Target(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.AdditionalLocations.Count == 0
            || diagnostic.AdditionalLocations[0] is not { SourceTree: { } tree } location
            || document.Project.Solution.GetDocument(tree) is not { } holder
            || await holder.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
        {
            return null;
        }

        var node = root.FindNode(location.SourceSpan);
        return node is AttributeArgumentSyntax or AttributeSyntax ? (holder, node) : null;
    }

    /// <summary>Sets the named argument <paramref name="name"/> of the attribute to <paramref name="value"/>: replaced when written, else added.</summary>
    public static async Task<Solution> Set(Document document, SyntaxNode target, string name, ExpressionSyntax value, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var replaced = target switch
        {
            AttributeArgumentSyntax argument => root!.ReplaceNode(argument, argument.WithExpression(value.WithTriviaFrom(argument.Expression))),
            AttributeSyntax attribute => root!.ReplaceNode(attribute, WithArgument(attribute, name, value)),
            _ => root!,
        };
        return document.WithSyntaxRoot(replaced).Project.Solution;
    }

    private static AttributeSyntax WithArgument(AttributeSyntax attribute, string name, ExpressionSyntax value)
    {
        var argument = SyntaxFactory.AttributeArgument(SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName(name)), null, value);
        var list = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
        return attribute.WithArgumentList(list.AddArguments(argument));
    }
}
