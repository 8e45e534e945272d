using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SidecarGen.Model;

namespace SidecarGen.Reading;

/// <summary>
/// Where the service class's SidecarGen attributes and their arguments are written, as plain data:
/// a system build, which has no syntax tree of the service, reports its findings there.
/// </summary>
internal static class ServiceSourceReader
{
    public static ServiceSource Read(INamedTypeSymbol type, EquatableArray<DeclaredAttribute> declared, CancellationToken cancellationToken)
    {
        var attributes = type.GetAttributes();
        var sources = declared
            .Where(attribute => attribute.Ordinal < attributes.Length)
            .Select(attribute => Attribute(attributes[attribute.Ordinal], attribute, cancellationToken))
            .OfType<AttributeSource>()
            .ToEquatableArray();
        return new ServiceSource(type.Locations.FirstOrDefault(location => location.IsInSource) is { } location ? Span(location) : null, sources);
    }

    private static AttributeSource? Attribute(AttributeData data, DeclaredAttribute declared, CancellationToken cancellationToken)
    {
        if (data.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return null;
        }

        var arguments = declared.ConstructorArguments
            .Select(argument => AttributeDataAccessor.PropertyName(argument.Name))
            .Concat(declared.NamedArguments.Select(argument => argument.Name))
            .Select(property => (property, syntax: AttributeArguments.Argument(data, syntax, property)))
            .Where(argument => argument.syntax is not null)
            .Select(argument => new ArgumentSource(
                argument.property,
                Span(argument.syntax!.GetLocation()),
                (AttributeArguments.Elements(argument.syntax.Expression) ?? System.Array.Empty<ExpressionSyntax>()).Select(item => Span(item.GetLocation())).ToEquatableArray()))
            .ToEquatableArray();
        return new AttributeSource(declared.Ordinal, Span(syntax.GetLocation()), arguments);
    }

    private static SourceSpan Span(Location location)
    {
        var lines = location.GetLineSpan();
        return new SourceSpan(
            lines.Path,
            location.SourceSpan.Start,
            location.SourceSpan.Length,
            lines.StartLinePosition.Line,
            lines.StartLinePosition.Character,
            lines.EndLinePosition.Line,
            lines.EndLinePosition.Character);
    }
}
