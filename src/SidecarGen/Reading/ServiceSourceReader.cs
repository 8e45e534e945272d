using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SidecarGen.Model;

namespace SidecarGen.Reading;

/// <summary>
/// Where the service class's SidecarGen attributes are written (<see cref="ServiceSource"/>), found
/// from the class's own declarations: no walk of the file. This runs on every compilation (it is part
/// of the generator's first step), so it compares positions instead of fetching and matching syntax.
/// </summary>
internal static class ServiceSourceReader
{
    public static ServiceSource Read(INamedTypeSymbol type, EquatableArray<DeclaredAttribute> declared, CancellationToken cancellationToken)
    {
        var attributes = type.GetAttributes();
        var declarations = type.DeclaringSyntaxReferences;
        var sources = ImmutableArray.CreateBuilder<AttributeSource>(declared.Count);
        foreach (var attribute in declared)
        {
            if (attribute.Ordinal < attributes.Length && attributes[attribute.Ordinal].ApplicationSyntaxReference is { } reference)
            {
                sources.Add(new AttributeSource(attribute.Ordinal, reference.SyntaxTree.FilePath, IndexInFile(declarations, reference, cancellationToken)));
            }
        }

        var classPath = declarations.IsEmpty ? null : declarations[0].SyntaxTree.FilePath;
        return new ServiceSource(type.Name, classPath, new EquatableArray<AttributeSource>(sources.ToImmutable()));
    }

    /// <summary>
    /// The attribute's position among the attributes of the class's declarations in its file: how many
    /// of them are written before it.
    /// </summary>
    private static int IndexInFile(ImmutableArray<SyntaxReference> declarations, SyntaxReference attribute, CancellationToken cancellationToken)
    {
        var index = 0;
        foreach (var declaration in declarations)
        {
            if (declaration.SyntaxTree != attribute.SyntaxTree || declaration.GetSyntax(cancellationToken) is not TypeDeclarationSyntax syntax)
            {
                continue;
            }

            foreach (var list in syntax.AttributeLists)
            {
                foreach (var written in list.Attributes)
                {
                    if (written.SpanStart < attribute.Span.Start)
                    {
                        index++;
                    }
                }
            }
        }

        return index;
    }
}
