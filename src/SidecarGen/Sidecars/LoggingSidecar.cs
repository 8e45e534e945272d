using System.Linq;
using SidecarGen.Model;
using SidecarGen.Planning;
using SidecarGen.Sidecars.Logging;

namespace SidecarGen.Sidecars;

/// <summary>
/// <c>[LoggingSidecar]</c>: the app writes log files into a folder shared with the sidecar (an
/// <c>emptyDir</c>, a named volume in Compose); the agent tails them and ships them to the output.
/// </summary>
internal static class LoggingSidecar
{
    public const string DefaultName = "logging";
    public const string DefaultLogPath = "/var/log/app";

    public static SidecarSpec Build(SidecarDeclaration sidecar, SidecarContext context)
    {
        var arguments = sidecar.Arguments;
        var name = CommonSettings.Name(sidecar, DefaultName);
        var logPath = arguments.GetString("LogPath") is { Length: > 0 } path ? path : DefaultLogPath;
        var destination = LogDestination.Parse((LogOutputKind)(arguments.GetInt("Output") ?? 0), arguments.GetString("Endpoint"));
        var agentContext = new LogAgentContext(name, context.ServiceName, logPath, destination);
        var agent = (arguments.GetInt("Agent") ?? 0) switch
        {
            1 => FluentdAgent.Build(agentContext),
            2 => FilebeatAgent.Build(agentContext),
            _ => FluentBitAgent.Build(agentContext),
        };

        var logVolume = name + "-logs";
        var mounts = new[] { CommonSettings.ConfigMount(name), new MountSpec(logVolume, logPath, ReadOnly: true) }
            .Concat(agent.ScratchMounts);
        var container = CommonSettings.Container(
            sidecar,
            name,
            CommonSettings.Image(sidecar, agent.Image),
            agent.Command,
            agent.Args,
            new[] { agent.HealthPort },
            agent.Env,
            mounts,
            agent.Probe);

        return new SidecarSpec(
            container,
            CommonSettings.Concerns(sidecar, Concerns.Logging),
            agent.ConfigFiles,
            EquatableArray.Of(new SharedVolumeSpec(logVolume, logPath, AppReadOnly: false)),
            EquatableArray<EnvVarSpec>.Empty,
            EquatableArray<KeyValue>.Empty,
            InboundPort: null);
    }
}
