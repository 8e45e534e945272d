namespace SidecarGen.Model;

/// <summary>The properties every sidecar attribute inherits from <see cref="SidecarAttribute"/>.</summary>
internal sealed record CommonOptions(
    string Name,
    string? Image,
    SidecarConcerns Concerns,
    EquatableArray<int> Ports,
    EquatableArray<string> Args,
    EquatableArray<string> Env,
    ResourceOptions Resources,
    EquatableArray<string> Capabilities,
    bool RunAsRoot)
{
    public static CommonOptions Read(SidecarAttribute attribute) => new(
        attribute.Name ?? string.Empty,
        attribute.Image,
        attribute.Concerns,
        EquatableArray.From(attribute.Ports),
        EquatableArray.From(attribute.Args),
        EquatableArray.From(attribute.Env),
        new ResourceOptions(attribute.CpuRequest, attribute.MemoryRequest, attribute.CpuLimit, attribute.MemoryLimit),
        EquatableArray.From(attribute.Capabilities),
        attribute.RunAsRoot);
}
