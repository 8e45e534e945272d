using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SidecarGen.Rules;

namespace SidecarGen.Diagnostics;

/// <summary>
/// Maps a <see cref="Finding"/> back to source: the attribute at its ordinal, the argument by name
/// (named, or the constructor parameter of that name), and the array element when it names one.
/// </summary>
internal static class FindingLocator
{
    public static Location Locate(INamedTypeSymbol type, Finding finding, CancellationToken cancellationToken)
    {
        if (finding.Ordinal == Finding.BuildProperty)
        {
            return Location.None;
        }

        var attributes = type.GetAttributes();
        if (finding.Ordinal < 0 || finding.Ordinal >= attributes.Length
            || attributes[finding.Ordinal].ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return type.Locations.FirstOrDefault() ?? Location.None;
        }

        if (finding.Argument is null || Argument(attributes[finding.Ordinal], syntax, finding.Argument) is not { } argument)
        {
            return syntax.GetLocation();
        }

        if (finding.Item is int item && Elements(argument.Expression) is { } elements && item < elements.Length)
        {
            return elements[item].GetLocation();
        }

        return argument.GetLocation();
    }

    /// <summary>The argument that sets <paramref name="name"/>: <c>Name = …</c>, or the constructor's <c>name</c>.</summary>
    public static AttributeArgumentSyntax? Argument(AttributeData attribute, AttributeSyntax syntax, string name)
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

        var parameters = attribute.AttributeConstructor?.Parameters ?? default;
        if (parameters.IsDefault)
        {
            return null;
        }

        var positional = list.Arguments.Where(a => a.NameEquals is null).ToList();
        for (var i = 0; i < positional.Count; i++)
        {
            var parameterName = positional[i].NameColon?.Name.Identifier.ValueText ?? (i < parameters.Length ? parameters[i].Name : null);
            if (parameterName is { Length: > 0 } && string.Equals(parameterName, name, System.StringComparison.OrdinalIgnoreCase))
            {
                return positional[i];
            }
        }

        return null;
    }

    public static ExpressionSyntax[]? Elements(ExpressionSyntax expression) => expression switch
    {
        ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions.ToArray(),
        ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions.ToArray(),
        CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression).ToArray(),
        _ => null,
    };
}
