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
        yaml.BeginMap(Keys.Class, flow: true).Pair(Keys.Name, source.ClassName);
        if (source.ClassPath is { } classPath)
        {
            yaml.Pair(Keys.Path, classPath);
        }

        yaml.EndMap();

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
                yaml.BeginMap(Keys.Source, flow: true).Pair(Keys.Path, where.Path).Pair(Keys.Index, where.Index).EndMap();
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
}
