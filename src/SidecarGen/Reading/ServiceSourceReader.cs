using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SidecarGen.Model;

namespace SidecarGen.Reading;

/// <summary>
/// Where the service class's SidecarGen attributes are written (<see cref="ServiceSource"/>), found
/// from the class's own declarations: no walk of the file. This runs on every compilation (it is part
/// of the generator's first step), so the class's written attributes are listed once and each
/// attribute's place among them is found by its position, not by fetching and matching its syntax.
/// </summary>
internal static class ServiceSourceReader
{
    public static ServiceSource Read(INamedTypeSymbol type, EquatableArray<DeclaredAttribute> declared, CancellationToken cancellationToken)
    {
        var attributes = type.GetAttributes();
        var declarations = type.DeclaringSyntaxReferences;
        var written = AttributeArguments.DeclaredAttributes(declarations.Select(reference => reference.GetSyntax(cancellationToken)).OfType<TypeDeclarationSyntax>()).ToList();
        var sources = ImmutableArray.CreateBuilder<AttributeSource>(declared.Count);
        foreach (var attribute in declared)
        {
            if (attribute.Ordinal < attributes.Length && attributes[attribute.Ordinal].ApplicationSyntaxReference is { } reference)
            {
                sources.Add(new AttributeSource(attribute.Ordinal, reference.SyntaxTree.FilePath, IndexInFile(written, reference)));
            }
        }

        var classPath = declarations.IsEmpty ? null : declarations[0].SyntaxTree.FilePath;
        return new ServiceSource(type.Name, classPath, new EquatableArray<AttributeSource>(sources.ToImmutable()));
    }

    /// <summary>
    /// The attribute's index among the class's attributes written in its file, the order
    /// <see cref="AttributeArguments.DeclaredAttributes"/> gives them (a system finds it back that way):
    /// how many of them are written before it.
    /// </summary>
    private static int IndexInFile(List<AttributeSyntax> written, SyntaxReference attribute)
    {
        var index = 0;
        foreach (var other in written)
        {
            if (other.SyntaxTree == attribute.SyntaxTree && other.SpanStart < attribute.Span.Start)
            {
                index++;
            }
        }

        return index;
    }
}
