using System;
using System.Diagnostics;

namespace SidecarGen;

/// <summary>
/// Watches a key-value store and writes the configuration under <see cref="Key"/> into a volume the
/// app mounts read-only at <see cref="MountPath"/>, so the app hot-reloads it.
/// </summary>
/// <remarks>
/// The app starts only after the first configuration file exists. Consul renders the key tree as
/// <c>config.json</c> (read it with <c>AddJsonFile(..., reloadOnChange: true)</c>); etcd writes one
/// file per key (read them with <c>AddKeyPerFile(MountPath, optional: true, reloadOnChange: true)</c>).
/// </remarks>
/// <example>
/// <code>
/// [ConfigWatcherSidecar(Source = ConfigSource.Etcd, Address = "http://etcd:2379", Key = "/config/payments")]
/// partial class Program;
/// </code>
/// </example>
// The generator reads this attribute from source; [Conditional] keeps it out of the compiled assembly unless SIDECARGEN_KEEP_ATTRIBUTES is defined.
[Conditional("SIDECARGEN_KEEP_ATTRIBUTES")]
[SidecarConcern(SidecarConcerns.Configuration)]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ConfigWatcherSidecarAttribute : SidecarAttribute
{
    /// <summary>Declares a config watcher sidecar named <c>config-watcher</c> with the source's default pinned image.</summary>
    public ConfigWatcherSidecarAttribute()
        : base("config-watcher")
    {
    }

    /// <summary>The store. Default <see cref="ConfigSource.Consul"/>.</summary>
    public ConfigSource Source { get; set; } = ConfigSource.Consul;

    /// <summary>
    /// The store's URL. Default (null): <c>http://consul:8500</c> for <see cref="ConfigSource.Consul"/>,
    /// <c>http://etcd:2379</c> for <see cref="ConfigSource.Etcd"/>.
    /// </summary>
    public string? Address { get; set; }

    /// <summary>The key (prefix) to watch. Default (null): <c>config/&lt;service&gt;</c>.</summary>
    public string? Key { get; set; }

    /// <summary>The folder the app reads its configuration files from (read-only). Default <c>/etc/app/config</c>.</summary>
    public string MountPath { get; set; } = "/etc/app/config";
}
