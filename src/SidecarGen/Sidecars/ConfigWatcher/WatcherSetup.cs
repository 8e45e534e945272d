using SidecarGen.Model;
using SidecarGen.Pod;

namespace SidecarGen.Sidecars.ConfigWatcher;

/// <summary>What one watcher contributes: its image, how it starts, its files, its environment and probe.</summary>
internal sealed record WatcherSetup(
    string Image,
    EquatableArray<string> Command,
    EquatableArray<string> Args,
    EquatableArray<ConfigFileSpec> ConfigFiles,
    EquatableArray<EnvVarSpec> Env,
    ProbeSpec Probe);
