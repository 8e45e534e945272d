namespace SidecarGen;

/// <summary>Names of the generator's pipeline steps, for the incremental-caching tests.</summary>
internal static class TrackingNames
{
    public const string Declared = "SidecarGen.Declared";
    public const string Service = "SidecarGen.Service";
    public const string Description = "SidecarGen.Description";
    public const string System = "SidecarGen.System";
    public const string Settings = "SidecarGen.Settings";
    public const string Manifests = "SidecarGen.Manifests";
}
