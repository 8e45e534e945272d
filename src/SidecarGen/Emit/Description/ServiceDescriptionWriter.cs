using System;
using System.Globalization;
using SidecarGen.Model;
using SidecarGen.Yaml;
using Keys = SidecarGen.Model.ServiceDescription.Keys;

namespace SidecarGen.Emit.Description;

/// <summary>
/// Writes a <see cref="ServiceDescription"/> as YAML (read back by <c>Reading/ServiceDescriptionReader</c>).
/// Every value is a one-key map naming its kind, so the reader gets back exactly what the compiler saw.
/// </summary>
internal static class ServiceDescriptionWriter
{
    public static string Write(BuildSettings settings, EquatableArray<DeclaredAttribute> attributes, ServiceSource source)
    {
        var yaml = new YamlWriter().BeginMap().Pair(Keys.Version, ServiceDescription.FormatVersion);
        Settings(yaml.BeginMap(Keys.Settings), settings).EndMap();
        if (source.Class is { } type)
        {
            Span(yaml.Key(Keys.Class), type);
        }

        yaml.BeginSequence(Keys.Attributes);
        foreach (var attribute in attributes)
        {
            yaml.BeginMap()
                .Pair(Keys.Ordinal, attribute.Ordinal)
                .Pair(Keys.Type, attribute.TypeName)
                .Pair(Keys.Concerns, (long)attribute.ClassConcerns);
            Arguments(yaml, Keys.Constructor, attribute.ConstructorArguments);
            Arguments(yaml, Keys.Named, attribute.NamedArguments);
            if (Find(source, attribute.Ordinal) is { } where)
            {
                Source(yaml.BeginMap(Keys.Source), where).EndMap();
            }

            yaml.EndMap();
        }

        return yaml.EndSequence().EndMap().Finish();
    }

    private static YamlWriter Settings(YamlWriter yaml, BuildSettings settings)
    {
        void Optional(string key, string? value)
        {
            if (value is not null)
            {
                yaml.Pair(key, value);
            }
        }

        yaml.Pair(nameof(BuildSettings.AssemblyName), settings.AssemblyName);
        Optional(nameof(BuildSettings.RootNamespace), settings.RootNamespace);
        Optional(nameof(BuildSettings.Version), settings.Version);
        Optional(nameof(BuildSettings.ContainerRegistry), settings.ContainerRegistry);
        Optional(nameof(BuildSettings.ContainerRepository), settings.ContainerRepository);
        Optional(nameof(BuildSettings.ContainerImageTag), settings.ContainerImageTag);
        Optional(nameof(BuildSettings.DomainNamespaces), settings.DomainNamespaces);
        return yaml;
    }

    private static void Arguments(YamlWriter yaml, string key, EquatableArray<DeclaredArgument> arguments)
    {
        yaml.BeginSequence(key);
        foreach (var argument in arguments)
        {
            Value(yaml.BeginMap().Pair(Keys.Name, argument.Name).Key(Keys.Value), argument.Value).EndMap();
        }

        yaml.EndSequence();
    }

    private static YamlWriter Value(YamlWriter yaml, ArgumentValue value)
    {
        yaml.BeginMap(flow: value.Kind != ArgumentKind.Array);
        switch (value.Kind)
        {
            case ArgumentKind.Array when value.IsNullArray:
                yaml.Pair(Keys.NullArray, string.Empty);
                break;
            case ArgumentKind.Array:
                yaml.BeginSequence(Keys.Array);
                foreach (var item in value.Items)
                {
                    Value(yaml, item);
                }

                yaml.EndSequence();
                break;
            case ArgumentKind.Enum:
                yaml.Pair(Keys.Enum, Convert.ToInt64(value.Value, CultureInfo.InvariantCulture));
                break;
            case ArgumentKind.Constant when value.Value is null:
                yaml.Pair(Keys.Null, string.Empty);
                break;
            case ArgumentKind.Constant:
                yaml.Pair(Convert.GetTypeCode(value.Value).ToString(), Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? string.Empty);
                break;
            default:
                yaml.Pair(Keys.Unreadable, string.Empty);
                break;
        }

        return yaml.EndMap();
    }

    private static AttributeSource? Find(ServiceSource source, int ordinal)
    {
        foreach (var attribute in source.Attributes)
        {
            if (attribute.Ordinal == ordinal)
            {
                return attribute;
            }
        }

        return null;
    }

    private static YamlWriter Source(YamlWriter yaml, AttributeSource source)
    {
        Span(yaml.Key(Keys.Span), source.Span).BeginSequence(Keys.Arguments);
        foreach (var argument in source.Arguments)
        {
            yaml.BeginMap().Pair(Keys.Name, argument.Property);
            Span(yaml.Key(Keys.Span), argument.Span).BeginSequence(Keys.Items);
            foreach (var item in argument.Items)
            {
                Span(yaml, item);
            }

            yaml.EndSequence().EndMap();
        }

        return yaml.EndSequence();
    }

    /// <summary>A span as <c>{path, span: [start, length], lines: [line, column, end line, end column]}</c>.</summary>
    private static YamlWriter Span(YamlWriter yaml, SourceSpan span) =>
        yaml.BeginMap(flow: true)
            .Pair(Keys.Path, span.Path)
            .BeginSequence(Keys.Span, flow: true).Number(span.Start).Number(span.Length).EndSequence()
            .BeginSequence(Keys.Lines, flow: true).Number(span.StartLine).Number(span.StartColumn).Number(span.EndLine).Number(span.EndColumn).EndSequence()
            .EndMap();
}
