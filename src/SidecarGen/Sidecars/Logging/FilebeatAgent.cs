using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Yaml;

namespace SidecarGen.Sidecars.Logging;

/// <summary>
/// Filebeat: a <c>filestream</c> input on the app's log files into the console or Elasticsearch; its
/// HTTP endpoint answers the probes. Splunk and Loki have no Filebeat output (SCG0016).
/// </summary>
internal static class FilebeatAgent
{
    /// <summary>Filebeat OSS-licensed default distribution.</summary>
    public const string Image = "docker.elastic.co/beats/filebeat:8.15.3";

    public const int HealthPort = 5066;
    private const string ConfigFile = "filebeat.yml";
    private const string DataDirectory = "/usr/share/filebeat/data";

    public static LogAgentSetup Build(LogAgentContext context)
    {
        var port = new PortSpec("log-http", HealthPort);
        return new LogAgentSetup(
            Image,
            EquatableArray.Of("filebeat"),
            EquatableArray.Of("-e", "--strict.perms=false", "-c", context.ConfigDirectory + "/" + ConfigFile, "--path.data", DataDirectory),
            port,
            ProbeSpec.Http(port.Name, "/"),
            EquatableArray.Of(new ConfigFileSpec(ConfigFile, Render(context))),
            EquatableArray<EnvVarSpec>.Empty,
            EquatableArray.Of(new MountSpec(context.SidecarName + "-data", DataDirectory, ReadOnly: false)));
    }

    private static string Render(LogAgentContext context)
    {
        var yaml = new YamlWriter().BeginMap();
        yaml.BeginSequence("filebeat.inputs")
            .BeginMap()
            .Pair("type", "filestream")
            .Pair("id", context.ServiceName + "-app-logs")
            .BeginSequence("paths").String(context.LogGlob).EndSequence()
            .BeginMap("fields").Pair("service", context.ServiceName).EndMap()
            .Pair("fields_under_root", true)
            .EndMap()
            .EndSequence();
        yaml.Pair("http.enabled", true).Pair("http.host", "0.0.0.0").Pair("http.port", HealthPort);
        if (context.Destination.Kind == LogOutput.Elasticsearch)
        {
            yaml.BeginMap("output.elasticsearch")
                .BeginSequence("hosts").String(context.Destination.Url).EndSequence()
                .Pair("index", context.ServiceName + "-%{+yyyy.MM.dd}")
                .EndMap()
                .Pair("setup.template.name", context.ServiceName)
                .Pair("setup.template.pattern", context.ServiceName + "-*")
                .Pair("setup.ilm.enabled", false);
        }
        else
        {
            yaml.BeginMap("output.console").Pair("codec.json.pretty", false).EndMap();
        }

        return yaml.EndMap().Finish();
    }
}
