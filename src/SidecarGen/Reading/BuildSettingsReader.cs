using System;
using Microsoft.CodeAnalysis.Diagnostics;
using SidecarGen.Model;

namespace SidecarGen.Reading;

/// <summary>Reads the compiler-visible MSBuild properties (<c>build_property.*</c>).</summary>
internal static class BuildSettingsReader
{
    private static readonly char[] TagSeparators = { ';' };

    public static BuildSettings Read(AnalyzerConfigOptions options)
    {
        string? Get(string name) =>
            options.TryGetValue("build_property." + name, out var value) && !string.IsNullOrWhiteSpace(value)
                ? value.Trim()
                : null;

        bool Enabled(string name) => !string.Equals(Get(name), "false", StringComparison.OrdinalIgnoreCase);

        return new BuildSettings(
            AssemblyName: Get("AssemblyName") ?? BuildSettings.Default.AssemblyName,
            RootNamespace: Get("RootNamespace"),
            Version: Get("Version"),
            ContainerRegistry: Get("ContainerRegistry"),
            ContainerRepository: Get("ContainerRepository"),
            ContainerImageTag: Get("ContainerImageTag") ?? FirstTag(Get("ContainerImageTags")),
            Kubernetes: Enabled("SidecarGenKubernetes"),
            Compose: Enabled("SidecarGenCompose"),
            KubernetesVersion: Get("SidecarGenKubernetesVersion") ?? BuildSettings.DefaultKubernetesVersion,
            Namespace: Get("SidecarGenNamespace"),
            DomainNamespaces: Get("SidecarGenDomainNamespaces"),
            AddOns: ClusterAddOns.Read(Get));
    }

    private static string? FirstTag(string? tags) =>
        tags?.Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first.Trim() : null;
}
