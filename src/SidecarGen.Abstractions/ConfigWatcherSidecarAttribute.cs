using System;

namespace SidecarGen;

/// <summary>
/// Watches a key-value store and writes the configuration under <see cref="Key"/> into a volume
/// mounted read-only in the app at <see cref="MountPath"/>, so the app hot-reloads it. The app starts
/// only after the first configuration file exists.
/// </summary>
[SidecarConcern(SidecarConcerns.Configuration)]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ConfigWatcherSidecarAttribute : SidecarAttribute
{
    /// <summary>Declares a config watcher sidecar named <c>config-watcher</c>.</summary>
    public ConfigWatcherSidecarAttribute()
        : base("config-watcher")
    {
    }

    /// <summary>The store. Default <see cref="ConfigSource.Consul"/>.</summary>
    public ConfigSource Source { get; set; } = ConfigSource.Consul;

    /// <summary>The store's URL. Default <c>http://consul:8500</c> (Consul) or <c>http://etcd:2379</c> (etcd).</summary>
    public string? Address { get; set; }

    /// <summary>The key (prefix) to watch. Default <c>config/&lt;service&gt;</c>.</summary>
    public string? Key { get; set; }

    /// <summary>Where the app reads the files. Default <c>/etc/app/config</c>.</summary>
    public string MountPath { get; set; } = "/etc/app/config";
}
