using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using SidecarGen.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Keys = SidecarGen.Model.ServiceDescription.Keys;

namespace SidecarGen.Reading;

/// <summary>
/// Reads a service description (written by the service's own build, extracted by the system's) back
/// into the neutral form of its attributes. Text that is not a description of this format reads as null.
/// </summary>
internal static class ServiceDescriptionReader
{
    public static ServiceDescription? Read(string project, string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count != 1
                || stream.Documents[0].RootNode is not YamlMappingNode root
                || Scalar(root, Keys.Version) != ServiceDescription.FormatVersion.ToString(CultureInfo.InvariantCulture))
            {
                return null;
            }

            var attributes = new List<DeclaredAttribute>();
            var sources = new List<AttributeSource>();
            foreach (var node in Sequence(root, Keys.Attributes).OfType<YamlMappingNode>())
            {
                var ordinal = Number(Scalar(node, Keys.Ordinal));
                attributes.Add(new DeclaredAttribute(
                    ordinal,
                    Scalar(node, Keys.Type) ?? string.Empty,
                    (SidecarConcerns)Number(Scalar(node, Keys.Concerns)),
                    Arguments(node, Keys.Constructor),
                    Arguments(node, Keys.Named)));
                if (Child(node, Keys.Source) is YamlMappingNode source && Scalar(source, Keys.Path) is { } path)
                {
                    sources.Add(new AttributeSource(ordinal, path, Number(Scalar(source, Keys.Index))));
                }
            }

            return new ServiceDescription(
                project,
                Settings(Child(root, Keys.Settings) as YamlMappingNode),
                attributes.ToEquatableArray(),
                new ServiceSource(
                    Child(root, Keys.Class) is YamlMappingNode type ? Scalar(type, Keys.Name) ?? string.Empty : string.Empty,
                    Child(root, Keys.Class) is YamlMappingNode typePath ? Scalar(typePath, Keys.Path) : null,
                    sources.ToEquatableArray()));
        }
        catch (Exception exception) when (exception is YamlException or FormatException or OverflowException or ArgumentException)
        {
            return null;
        }
    }

    private static BuildSettings Settings(YamlMappingNode? node)
    {
        string? Get(string key) => node is null ? null : Scalar(node, key);
        return BuildSettings.Default with
        {
            AssemblyName = Get(nameof(BuildSettings.AssemblyName)) ?? BuildSettings.Default.AssemblyName,
            RootNamespace = Get(nameof(BuildSettings.RootNamespace)),
            Version = Get(nameof(BuildSettings.Version)),
            ContainerRegistry = Get(nameof(BuildSettings.ContainerRegistry)),
            ContainerRepository = Get(nameof(BuildSettings.ContainerRepository)),
            ContainerImageTag = Get(nameof(BuildSettings.ContainerImageTag)),
            DomainNamespaces = Get(nameof(BuildSettings.DomainNamespaces)),
        };
    }

    private static EquatableArray<DeclaredArgument> Arguments(YamlMappingNode node, string key) =>
        Sequence(node, key)
            .OfType<YamlMappingNode>()
            .Select(argument => new DeclaredArgument(Scalar(argument, Keys.Name) ?? string.Empty, Value(Child(argument, Keys.Value))))
            .ToEquatableArray();

    private static ArgumentValue Value(YamlNode? node)
    {
        if (node is not YamlMappingNode { Children.Count: 1 } map)
        {
            return ArgumentValue.Unreadable;
        }

        var entry = map.Children.First();
        var kind = (entry.Key as YamlScalarNode)?.Value;
        var valueNode = entry.Value;
        var text = (valueNode as YamlScalarNode)?.Value ?? string.Empty;
        switch (kind)
        {
            case Keys.Null:
                return ArgumentValue.Constant(null);
            case Keys.NullArray:
                return ArgumentValue.Array(EquatableArray<ArgumentValue>.Empty, isNull: true);
            case Keys.Array:
                return ArgumentValue.Array(((valueNode as YamlSequenceNode)?.Children ?? new List<YamlNode>()).Select(Value).ToEquatableArray());
            case Keys.Enum:
                return ArgumentValue.Enum(long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture));
            default:
                return System.Enum.TryParse<TypeCode>(kind, out var typeCode) && typeCode > TypeCode.DBNull
                    ? ArgumentValue.Constant(Convert.ChangeType(text, typeCode, CultureInfo.InvariantCulture))
                    : ArgumentValue.Unreadable;
        }
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    private static IEnumerable<YamlNode> Sequence(YamlMappingNode node, string key) =>
        (Child(node, key) as YamlSequenceNode)?.Children ?? Enumerable.Empty<YamlNode>();

    private static int Number(string? text) => int.Parse(text ?? string.Empty, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
