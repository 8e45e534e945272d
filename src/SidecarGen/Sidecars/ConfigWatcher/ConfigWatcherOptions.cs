using System;
using SidecarGen.Model;

namespace SidecarGen.Sidecars.ConfigWatcher;

/// <summary><c>[ConfigWatcherSidecar]</c> read into typed data; <see cref="AddressUrl"/> is <c>Address</c> parsed, null when absent or no http(s) URL.</summary>
internal sealed record ConfigWatcherOptions(CommonOptions Common, ConfigSource Source, string? Address, Uri? AddressUrl, string? Key, string MountPath)
    : SidecarOptions(Common)
{
    public static ConfigWatcherOptions Read(ConfigWatcherSidecarAttribute attribute) =>
        new(CommonOptions.Read(attribute), attribute.Source, attribute.Address, SidecarChecks.HttpUrl(attribute.Address), attribute.Key, attribute.MountPath);
}
