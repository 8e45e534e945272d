namespace SidecarGen;

/// <summary>The key-value store a <see cref="ConfigWatcherSidecarAttribute"/> watches.</summary>
public enum ConfigSource
{
    /// <summary>Consul's KV store, rendered by consul-template. The default.</summary>
    Consul = 0,

    /// <summary>etcd, watched with <c>etcdctl watch</c>.</summary>
    Etcd = 1,
}
