using System.Text;
using SidecarGen.Model;
using SidecarGen.Pod;

namespace SidecarGen.Sidecars.Logging;

/// <summary>
/// Fluentd with the plugins of its stock image: <c>in_tail</c> into <c>out_stdout</c>, health from
/// <c>monitor_agent</c>. Other outputs need plugin images and are reported by SCG0016.
/// </summary>
/// <remarks>
/// Its state folder outlives its restarts (fluent/fluentd v1.17.1): <c>in_tail</c> resumes each file at
/// the position in its <c>pos_file</c> and reads files it has not seen from their head
/// (<c>read_from_head</c>); a rotated file is read for <c>rotate_wait</c> seconds more. The output's
/// <c>file</c> buffer keeps chunks on disk, retried forever (<c>retry_forever</c>, at most
/// <c>retry_max_interval</c> apart), bounded by <c>total_limit_size</c>, where the oldest chunk is
/// dropped (<c>overflow_action drop_oldest_chunk</c>; lib/fluent/plugin/output.rb).
/// </remarks>
internal static class FluentdAgent
{
    /// <summary>Fluentd, Debian-based image with in_tail, out_stdout and monitor_agent built in.</summary>
    public const string Image = "fluent/fluentd:v1.17.1-debian-1.0";

    public const int HealthPort = 24220;
    private const string ConfigFile = "fluent.conf";
    private const string StateDirectory = "/fluentd/state";

    public static LogAgentSetup Build(LogAgentContext context)
    {
        var port = new PortSpec("log-http", HealthPort);
        return new LogAgentSetup(
            Image,
            EquatableArray.Of("fluentd"),
            EquatableArray.Of("--config", context.ConfigDirectory + "/" + ConfigFile, "--no-supervisor"),
            port,
            ProbeSpec.Http(port.Name, "/api/plugins.json"),
            EquatableArray.Of(new ConfigFileSpec(ConfigFile, Render(context))),
            EquatableArray<EnvVarSpec>.Empty,
            context.StateMount(StateDirectory));
    }

    private static string Render(LogAgentContext context)
    {
        var text = new StringBuilder();
        text.Append("<source>\n")
            .Append("  @type tail\n")
            .Append("  path ").Append(context.LogGlob).Append('\n')
            .Append("  pos_file ").Append(StateDirectory).Append("/app.log.pos\n")
            .Append("  read_from_head true\n")
            .Append("  rotate_wait ").Append(ConfigText.Number(LogAgentLimits.RotateWaitSeconds)).Append('\n')
            .Append("  tag app\n")
            .Append("  <parse>\n")
            .Append("    @type none\n")
            .Append("  </parse>\n")
            .Append("</source>\n\n")
            .Append("<source>\n")
            .Append("  @type monitor_agent\n")
            .Append("  bind 0.0.0.0\n")
            .Append("  port ").Append(HealthPort).Append('\n')
            .Append("</source>\n\n")
            .Append("<filter app>\n")
            .Append("  @type record_transformer\n")
            .Append("  <record>\n")
            .Append("    service ").Append(context.ServiceName).Append('\n')
            .Append("  </record>\n")
            .Append("</filter>\n\n")
            .Append("<match app>\n")
            .Append("  @type stdout\n")
            .Append("  <buffer>\n")
            .Append("    @type file\n")
            .Append("    path ").Append(StateDirectory).Append("/buffer\n")
            .Append("    total_limit_size ").Append(ConfigText.Number(LogAgentLimits.BufferMegabytes)).Append("m\n")
            .Append("    overflow_action drop_oldest_chunk\n")
            .Append("    flush_mode interval\n")
            .Append("    flush_interval 1s\n")
            .Append("    retry_forever true\n")
            .Append("    retry_max_interval ").Append(ConfigText.Number(LogAgentLimits.RetryCapSeconds)).Append('\n')
            .Append("  </buffer>\n")
            .Append("</match>\n");
        return text.ToString();
    }
}
