namespace SidecarGen.Sidecars.ConfigWatcher;

/// <summary>What both watchers are told: the store, the key, where the app reads, and their own names.</summary>
internal sealed record ConfigWatcherContext(string SidecarName, System.Uri Address, string Key, string MountPath)
{
    public string ConfigDirectory => Pod.SidecarSpec.ConfigMount(SidecarName);

    /// <summary>Written after the first full sync; the startup probe waits for it, so the app starts with its config.</summary>
    public const string ReadyFile = "/tmp/sidecargen-ready";
}
