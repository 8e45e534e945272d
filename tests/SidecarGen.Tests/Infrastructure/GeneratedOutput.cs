using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SidecarGen.Tests.Infrastructure;

/// <summary>
/// What the generator embedded: the status and the files, decoded from the generated
/// <c>[assembly: AssemblyMetadata]</c> attributes exactly as the MSBuild task reads them.
/// </summary>
internal sealed record GeneratedOutput(string? Status, IReadOnlyDictionary<string, string> Files, string BlockedBy = "")
{
    public static GeneratedOutput From(IEnumerable<SyntaxTree> trees)
    {
        string? status = null;
        var blockedBy = string.Empty;
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in trees.SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<AttributeSyntax>()))
        {
            var args = attribute.ArgumentList!.Arguments
                .Select(argument => (string)((LiteralExpressionSyntax)argument.Expression).Token.Value!)
                .ToArray();
            if (args[0] == "SidecarGen.Status")
            {
                status = args[1];
            }
            else if (args[0] == "SidecarGen.BlockedBy")
            {
                blockedBy = args[1];
            }
            else if (args[0].StartsWith("SidecarGen.File:", StringComparison.Ordinal))
            {
                files.Add(args[0]["SidecarGen.File:".Length..], args[1]);
            }
        }

        return new GeneratedOutput(status, files, blockedBy);
    }

    public string this[string path] => Files.TryGetValue(path, out var text)
        ? text
        : throw new KeyNotFoundException($"No generated file '{path}'. Generated: {string.Join(", ", Files.Keys)}");

    public IEnumerable<KeyValuePair<string, string>> KubernetesObjects =>
        Files.Where(file => file.Key.StartsWith("kubernetes/", StringComparison.Ordinal) && !file.Key.EndsWith("kustomization.yaml", StringComparison.Ordinal));
}
