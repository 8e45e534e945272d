namespace SidecarGen;

/// <summary>The key-value store a <see cref="ConfigWatcherSidecarAttribute"/> watches.</summary>
public enum ConfigSource
{
    /// <summary>
    /// Consul's KV store, rendered by consul-template into <c>config.json</c> under
    /// <see cref="ConfigWatcherSidecarAttribute.MountPath"/>. The default.
    /// </summary>
    Consul = 0,

    /// <summary>
    /// etcd, watched with <c>etcdctl watch</c>; one file per key under
    /// <see cref="ConfigWatcherSidecarAttribute.MountPath"/> (<c>a/b</c> becomes <c>a__b</c>).
    /// </summary>
    Etcd = 1,
}
