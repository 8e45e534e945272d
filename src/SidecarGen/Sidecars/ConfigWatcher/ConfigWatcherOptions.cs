using SidecarGen.Model;

namespace SidecarGen.Sidecars.ConfigWatcher;

/// <summary><c>[ConfigWatcherSidecar]</c> read into typed data.</summary>
internal sealed record ConfigWatcherOptions(CommonOptions Common, ConfigSource Source, string? Address, string? Key, string MountPath)
    : SidecarOptions(Common)
{
    public static ConfigWatcherOptions Read(ConfigWatcherSidecarAttribute attribute) =>
        new(CommonOptions.Read(attribute), attribute.Source, attribute.Address, attribute.Key, attribute.MountPath);
}
