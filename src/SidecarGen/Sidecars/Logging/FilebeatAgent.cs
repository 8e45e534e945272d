using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Yaml;

namespace SidecarGen.Sidecars.Logging;

/// <summary>
/// Filebeat: a <c>filestream</c> input on the app's log files into the console or Elasticsearch; its
/// HTTP endpoint answers the probes. Splunk and Loki have no Filebeat output (SCG0016).
/// </summary>
/// <remarks>
/// Its data folder (<c>--path.data</c>) outlives its restarts: it holds the registry, where the
/// <c>filestream</c> input resumes each file, and the disk queue (<c>queue.disk</c>, under
/// <c>path.data</c>/diskqueue), which holds events while the output is unreachable, bounded by
/// <c>max_size</c> (when it is full the input waits, so the files wait unread). The output backs off
/// at most <c>backoff.max</c> between retries. A removed file is closed (<c>close.on_state_change.removed</c>), so
/// its space is freed: written out, as one version of the <c>filestream</c> defaults in elastic/beats leaves it off.
/// </remarks>
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
            context.StateMount(DataDirectory));
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
            .Pair("close.on_state_change.removed", true)
            .EndMap()
            .EndSequence();
        yaml.Pair("http.enabled", true).Pair("http.host", "0.0.0.0").Pair("http.port", HealthPort);
        yaml.BeginMap("queue.disk").Pair("max_size", ConfigText.Number(LogAgentLimits.BufferMegabytes) + "MB").EndMap();
        if (context.Destination.Kind == LogOutput.Elasticsearch)
        {
            yaml.BeginMap("output.elasticsearch")
                .BeginSequence("hosts").String(context.Destination.Url).EndSequence();
            if (context.Destination.PathPrefix.Length > 0)
            {
                yaml.Pair("path", context.Destination.PathPrefix);
            }

            yaml.Pair("index", context.ServiceName + "-%{+yyyy.MM.dd}")
                .Pair("backoff.max", ConfigText.Seconds(LogAgentLimits.RetryCapSeconds))
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
