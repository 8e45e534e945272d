using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace SidecarGen.Build;

/// <summary>
/// Reads the generator's <c>[assembly: AssemblyMetadata(key, value)]</c> attributes from the compiled
/// assembly with System.Reflection.Metadata: no assembly is loaded into MSBuild.
/// </summary>
internal static class EmbeddedManifestReader
{
    public static EmbeddedManifests Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        string? status = null;
        string? service = null;
        string? summary = null;
        string? serviceSources = null;
        var blockedBy = string.Empty;
        var files = new List<KeyValuePair<string, string>>();

        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (!IsAssemblyMetadataAttribute(metadata, attribute.Constructor))
            {
                continue;
            }

            var value = attribute.DecodeValue(StringArgumentsProvider.Instance);
            if (value.FixedArguments.Length != 2
                || value.FixedArguments[0].Value is not string key
                || value.FixedArguments[1].Value is not string text)
            {
                continue;
            }

            if (key == ManifestContract.StatusKey)
            {
                status = text;
            }
            else if (key == ManifestContract.ServiceKey)
            {
                service = text;
            }
            else if (key == ManifestContract.ServiceSourcesKey)
            {
                serviceSources = text;
            }
            else if (key == ManifestContract.SummaryKey)
            {
                summary = text;
            }
            else if (key == ManifestContract.BlockedByKey)
            {
                blockedBy = text;
            }
            else if (key.StartsWith(ManifestContract.FileKeyPrefix, StringComparison.Ordinal))
            {
                files.Add(new KeyValuePair<string, string>(key.Substring(ManifestContract.FileKeyPrefix.Length), text));
            }
        }

        return new EmbeddedManifests(status, files, blockedBy, service, summary, serviceSources);
    }

    private static bool IsAssemblyMetadataAttribute(MetadataReader metadata, EntityHandle constructor)
    {
        if (constructor.Kind != HandleKind.MemberReference)
        {
            return false;
        }

        var parent = metadata.GetMemberReference((MemberReferenceHandle)constructor).Parent;
        if (parent.Kind != HandleKind.TypeReference)
        {
            return false;
        }

        var type = metadata.GetTypeReference((TypeReferenceHandle)parent);
        return metadata.StringComparer.Equals(type.Name, "AssemblyMetadataAttribute")
            && metadata.StringComparer.Equals(type.Namespace, "System.Reflection");
    }

    /// <summary>Decodes the (string, string) arguments of AssemblyMetadataAttribute; nothing else is asked of it.</summary>
    private sealed class StringArgumentsProvider : ICustomAttributeTypeProvider<Type?>
    {
        public static readonly StringArgumentsProvider Instance = new();

        public Type? GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode == PrimitiveTypeCode.String ? typeof(string) : null;

        public Type? GetSystemType() => null;

        public Type? GetSZArrayType(Type? elementType) => null;

        public Type? GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => null;

        public Type? GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => null;

        public Type? GetTypeFromSerializedName(string name) => null;

        public PrimitiveTypeCode GetUnderlyingEnumType(Type? type) => PrimitiveTypeCode.Int32;

        public bool IsSystemType(Type? type) => false;
    }
}
