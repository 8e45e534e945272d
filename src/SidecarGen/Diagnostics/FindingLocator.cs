using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SidecarGen.Reading;
using SidecarGen.Rules;

namespace SidecarGen.Diagnostics;

/// <summary>
/// Maps a <see cref="Finding"/> back to source: the attribute at its ordinal, the argument by name
/// (named, or the constructor parameter of that name), and the array element when it names one.
/// </summary>
internal static class FindingLocator
{
    public static Location Locate(INamedTypeSymbol type, Finding finding, CancellationToken cancellationToken) =>
        Locate(type, finding.Ordinal, finding.Argument, finding.Item, cancellationToken);

    /// <summary>
    /// The argument <paramref name="argument"/> of the attribute at <paramref name="ordinal"/> (its item
    /// <paramref name="item"/>, if given); the attribute when the argument is not written, the class when
    /// the attribute is not there.
    /// </summary>
    public static Location Locate(INamedTypeSymbol type, int ordinal, string? argument, int? item, CancellationToken cancellationToken)
    {
        if (ordinal == Finding.BuildProperty)
        {
            return Location.None;
        }

        var attributes = type.GetAttributes();
        if (ordinal < 0 || ordinal >= attributes.Length
            || attributes[ordinal].ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return type.Locations.FirstOrDefault() ?? Location.None;
        }

        if (argument is null || AttributeArguments.Argument(attributes[ordinal], syntax, argument) is not { } written)
        {
            return syntax.GetLocation();
        }

        if (item is int index && AttributeArguments.Elements(written.Expression) is { } elements && index < elements.Length)
        {
            return elements[index].GetLocation();
        }

        return written.GetLocation();
    }
}
