using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SidecarGen.Reading;

/// <summary>Finds an attribute's argument in its syntax by the property it sets, and an array argument's items.</summary>
internal static class AttributeArguments
{
    /// <summary>The argument that sets <paramref name="name"/>: <c>Name = …</c>, or the constructor's <c>name</c>.</summary>
    public static AttributeArgumentSyntax? Argument(AttributeData attribute, AttributeSyntax syntax, string name)
    {
        var parameters = attribute.AttributeConstructor?.Parameters ?? default;
        return Argument(parameters.IsDefault ? System.Array.Empty<string>() : parameters.Select(parameter => parameter.Name).ToArray(), syntax, name);
    }

    /// <summary>
    /// The argument that sets <paramref name="name"/>, knowing the constructor's parameter names in order
    /// (a system's build knows them from the service's description, not from a symbol).
    /// </summary>
    public static AttributeArgumentSyntax? Argument(IReadOnlyList<string> parameters, AttributeSyntax syntax, string name)
    {
        if (syntax.ArgumentList is not { } list)
        {
            return null;
        }

        var named = list.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
        if (named is not null)
        {
            return named;
        }

        var positional = list.Arguments.Where(a => a.NameEquals is null).ToList();
        for (var i = 0; i < positional.Count; i++)
        {
            var parameterName = positional[i].NameColon?.Name.Identifier.ValueText ?? (i < parameters.Count ? parameters[i] : null);
            if (parameterName is { Length: > 0 } && string.Equals(parameterName, name, System.StringComparison.OrdinalIgnoreCase))
            {
                return positional[i];
            }
        }

        return null;
    }

    /// <summary>The attributes of a class's declarations, in the order they are written.</summary>
    public static IEnumerable<AttributeSyntax> DeclaredAttributes(IEnumerable<TypeDeclarationSyntax> declarations) =>
        declarations.OrderBy(declaration => declaration.SpanStart).SelectMany(declaration => declaration.AttributeLists).SelectMany(list => list.Attributes);

    public static ExpressionSyntax[]? Elements(ExpressionSyntax expression) => expression switch
    {
        ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions.ToArray(),
        ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions.ToArray(),
        CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression).ToArray(),
        _ => null,
    };
}
