using System.Text;
using SidecarGen.Model;
using SidecarGen.Pod;

namespace SidecarGen.Sidecars.Logging;

/// <summary>
/// Fluentd with the plugins of its stock image: <c>in_tail</c> into <c>out_stdout</c>, health from
/// <c>monitor_agent</c>. Other outputs need plugin images and are reported by SCG0016.
/// </summary>
internal static class FluentdAgent
{
    /// <summary>Fluentd, Debian-based image with in_tail, out_stdout and monitor_agent built in.</summary>
    public const string Image = "fluent/fluentd:v1.17.1-debian-1.0";

    public const int HealthPort = 24220;
    private const string ConfigFile = "fluent.conf";
    private const string PositionDirectory = "/fluentd/pos";

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
            EquatableArray.Of(new MountSpec(context.SidecarName + "-positions", PositionDirectory, ReadOnly: false)));
    }

    private static string Render(LogAgentContext context)
    {
        var text = new StringBuilder();
        text.Append("<source>\n")
            .Append("  @type tail\n")
            .Append("  path ").Append(context.LogGlob).Append('\n')
            .Append("  pos_file ").Append(PositionDirectory).Append("/app.log.pos\n")
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
            .Append("</match>\n");
        return text.ToString();
    }
}
