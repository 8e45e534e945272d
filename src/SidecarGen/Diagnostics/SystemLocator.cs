using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SidecarGen.Model;
using SidecarGen.Reading;
using SidecarGen.Rules;

namespace SidecarGen.Diagnostics;

/// <summary>
/// Maps a finding about a service of a system back to the service's own source: the system's build hands
/// it the service's source files as additional files, and the description says which attribute of the
/// class in which file the finding is about. The file is parsed (it is no tree of this compilation, so the
/// location is an external one) and the array item, else the argument, else the attribute is reported.
/// </summary>
internal static class SystemLocator
{
    public static Location Locate(ServiceDescription description, Finding finding, IReadOnlyDictionary<string, SourceText> sources)
    {
        var attribute = description.Source.Attributes.FirstOrDefault(source => source.Ordinal == finding.Ordinal);
        // A finding about the service as a whole, when even its source is unknown, is reported at its project.
        var path = attribute?.Path ?? description.Source.ClassPath ?? description.Project;
        if (path is null)
        {
            return Location.None;
        }

        if (!sources.TryGetValue(path, out var text))
        {
            return At(path, null, default);
        }

        var tree = CSharpSyntaxTree.ParseText(text, path: path);
        var declarations = tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>().Where(declaration => declaration.Identifier.ValueText == description.Source.ClassName).ToList();
        if (attribute is null || AttributeArguments.DeclaredAttributes(declarations).ElementAtOrDefault(attribute.Index) is not { } syntax)
        {
            return declarations.Count > 0 ? At(path, tree, declarations[0].Identifier.Span) : At(path, null, default);
        }

        var declared = description.Attributes.FirstOrDefault(candidate => candidate.Ordinal == finding.Ordinal);
        var parameters = declared?.ConstructorArguments.Select(argument => argument.Name).ToArray() ?? Array.Empty<string>();
        if (finding.Argument is null || AttributeArguments.Argument(parameters, syntax, finding.Argument) is not { } argument)
        {
            return At(path, tree, syntax.Span);
        }

        return finding.Item is int item && AttributeArguments.Elements(argument.Expression) is { } elements && item < elements.Length
            ? At(path, tree, elements[item].Span)
            : At(path, tree, argument.Span);
    }

    private static Location At(string path, SyntaxTree? tree, TextSpan span) =>
        Location.Create(path, span, tree?.GetLineSpan(span).Span ?? default);
}
