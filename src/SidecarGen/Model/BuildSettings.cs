namespace SidecarGen.Model;

/// <summary>The MSBuild properties the generator reads (made compiler-visible by SidecarGen.props; RootNamespace by the SDK).</summary>
internal sealed record BuildSettings(
    string AssemblyName,
    string? RootNamespace,
    string? Version,
    string? ContainerRegistry,
    string? ContainerRepository,
    string? ContainerImageTag,
    bool Kubernetes,
    bool Compose,
    string KubernetesVersion,
    string? Namespace,
    string? DomainNamespaces,
    ClusterAddOns AddOns)
{
    public const string DefaultKubernetesVersion = "1.33";

    public static readonly BuildSettings Default = new("app", null, null, null, null, null, true, true, DefaultKubernetesVersion, null, null, ClusterAddOns.None);
}
