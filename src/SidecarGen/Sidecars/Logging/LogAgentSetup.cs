using SidecarGen.Model;
using SidecarGen.Pod;

namespace SidecarGen.Sidecars.Logging;

/// <summary>
/// What one log agent contributes: its image, how it is started, its config and health port, and the
/// folder where it keeps its state (read positions and its on-disk buffer), which outlives its restarts.
/// </summary>
internal sealed record LogAgentSetup(
    string Image,
    EquatableArray<string> Command,
    EquatableArray<string> Args,
    PortSpec HealthPort,
    ProbeSpec Probe,
    EquatableArray<ConfigFileSpec> ConfigFiles,
    EquatableArray<EnvVarSpec> Env,
    MountSpec StateMount);
