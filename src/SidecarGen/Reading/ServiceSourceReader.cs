using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SidecarGen.Model;

namespace SidecarGen.Reading;

/// <summary>
/// Where the service class's SidecarGen attributes are written (<see cref="ServiceSource"/>), found
/// from the class's own declarations: no walk of the file.
/// </summary>
internal static class ServiceSourceReader
{
    public static ServiceSource Read(INamedTypeSymbol type, EquatableArray<DeclaredAttribute> declared, CancellationToken cancellationToken)
    {
        var attributes = type.GetAttributes();
        var sources = declared
            .Where(attribute => attribute.Ordinal < attributes.Length)
            .Select(attribute => Attribute(type, attributes[attribute.Ordinal], attribute.Ordinal, cancellationToken))
            .OfType<AttributeSource>()
            .ToEquatableArray();
        var classPath = type.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree.FilePath;
        return new ServiceSource(type.Name, classPath, sources);
    }

    private static AttributeSource? Attribute(INamedTypeSymbol type, AttributeData data, int ordinal, CancellationToken cancellationToken)
    {
        if (data.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return null;
        }

        var index = AttributeArguments.DeclaredAttributes(
                type.DeclaringSyntaxReferences
                    .Where(reference => reference.SyntaxTree == syntax.SyntaxTree)
                    .Select(reference => reference.GetSyntax(cancellationToken))
                    .OfType<TypeDeclarationSyntax>())
            .TakeWhile(attribute => attribute != syntax)
            .Count();
        return new AttributeSource(ordinal, syntax.SyntaxTree.FilePath, index);
    }
}
