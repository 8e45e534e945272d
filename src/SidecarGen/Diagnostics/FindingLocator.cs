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

        if (finding.Argument is null || AttributeArguments.Argument(attributes[finding.Ordinal], syntax, finding.Argument) is not { } argument)
        {
            return syntax.GetLocation();
        }

        if (finding.Item is int item && AttributeArguments.Elements(argument.Expression) is { } elements && item < elements.Length)
        {
            return elements[item].GetLocation();
        }

        return argument.GetLocation();
    }
}
