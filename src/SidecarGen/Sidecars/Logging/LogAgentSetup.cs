using SidecarGen.Model;
using SidecarGen.Pod;

namespace SidecarGen.Sidecars.Logging;

/// <summary>What one log agent contributes: its image, how it is started, its config and health port.</summary>
internal sealed record LogAgentSetup(
    string Image,
    EquatableArray<string> Command,
    EquatableArray<string> Args,
    PortSpec HealthPort,
    ProbeSpec Probe,
    EquatableArray<ConfigFileSpec> ConfigFiles,
    EquatableArray<EnvVarSpec> Env,
    EquatableArray<MountSpec> ScratchMounts);
