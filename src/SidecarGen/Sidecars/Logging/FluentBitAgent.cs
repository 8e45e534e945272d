using System.Collections.Generic;
using System.Linq;
using System.Text;
using SidecarGen.Model;
using SidecarGen.Pod;

namespace SidecarGen.Sidecars.Logging;

/// <summary>
/// Fluent Bit, classic configuration format: tail the app's log files, add the service name, ship
/// to the chosen output; the built-in HTTP server answers the probes on <c>/api/v1/health</c>.
/// </summary>
/// <remarks>
/// Nothing lost across a restart or an outage (fluent/fluent-bit v4.0.3): the tail input's position
/// database (<c>DB</c>, plugins/in_tail/tail_file.c <c>set_file_position</c>) resumes each file at the
/// offset it had read; a file it has not seen is read from its head (<c>Read_from_Head</c>), so files
/// written while the agent was down are read whole. Records are buffered in chunk files under
/// <c>storage.path</c> (<c>storage.type filesystem</c>), which a restarted agent ships first; a failed
/// flush is retried without limit (<c>Retry_Limit no_limits</c>, src/flb_output.c; the default is one
/// retry, then the chunk is dropped), backing off at most <c>scheduler.cap</c> seconds
/// (src/flb_scheduler.c). At <c>storage.total_limit_size</c> the oldest chunks are dropped
/// (src/flb_input_chunk.c <c>flb_input_chunk_find_space_new_data</c>). A rotated file is read for
/// <c>Rotate_Wait</c> seconds more and then closed; a deleted one is closed at once
/// (plugins/in_tail/tail_fs_inotify.c, tail_file.c <c>flb_tail_file_purge</c>).
/// </remarks>
internal static class FluentBitAgent
{
    /// <summary>Fluent Bit, distroless image (entrypoint <c>/fluent-bit/bin/fluent-bit</c>).</summary>
    public const string Image = "cr.fluentbit.io/fluent/fluent-bit:4.0.3";

    public const int HealthPort = 2020;
    private const string ConfigFile = "fluent-bit.conf";
    private const string TokenVariable = "SPLUNK_TOKEN";
    private const string StateDirectory = "/fluent-bit/state";

    /// <summary>Loki's push API, which Fluent Bit's loki output posts to by default (<c>uri</c>).</summary>
    private const string LokiPushPath = "/loki/api/v1/push";

    public static LogAgentSetup Build(LogAgentContext context)
    {
        var port = new PortSpec("log-http", HealthPort);
        var env = new List<EnvVarSpec>();
        if (context.Destination.Kind == LogOutput.Splunk)
        {
            env.Add(EnvVarSpec.FromSecret(TokenVariable, new SecretKeySpec(context.CredentialsSecret, "splunk-token")));
        }

        return new LogAgentSetup(
            Image,
            EquatableArray.Of("/fluent-bit/bin/fluent-bit"),
            EquatableArray.Of("--config=" + context.ConfigDirectory + "/" + ConfigFile),
            port,
            ProbeSpec.Http(port.Name, "/api/v1/health"),
            EquatableArray.Of(new ConfigFileSpec(ConfigFile, Render(context))),
            env.ToEquatableArray(),
            context.StateMount(StateDirectory));
    }

    private static string Render(LogAgentContext context)
    {
        var text = new StringBuilder();
        Section(text, "SERVICE", new[]
        {
            ("Flush", "1"),
            ("Log_Level", "info"),
            ("HTTP_Server", "On"),
            ("HTTP_Listen", "0.0.0.0"),
            ("HTTP_Port", "2020"),
            ("Health_Check", "On"),
            ("storage.path", StateDirectory + "/buffer"),
            ("storage.sync", "normal"),
            ("scheduler.cap", ConfigText.Number(LogAgentLimits.RetryCapSeconds)),
        });
        Section(text, "INPUT", new[]
        {
            ("Name", "tail"),
            ("Path", context.LogGlob),
            ("Tag", "app"),
            ("Refresh_Interval", "5"),
            ("Skip_Long_Lines", "On"),
            ("Read_from_Head", "On"),
            ("DB", StateDirectory + "/tail.db"),
            ("Rotate_Wait", ConfigText.Number(LogAgentLimits.RotateWaitSeconds)),
            ("storage.type", "filesystem"),
        });
        Section(text, "FILTER", new[]
        {
            ("Name", "record_modifier"),
            ("Match", "*"),
            ("Record", "service " + context.ServiceName),
        });
        Section(text, "OUTPUT", Output(context.Destination, context.ServiceName).Concat(new[]
        {
            ("Retry_Limit", "no_limits"),
            ("storage.total_limit_size", ConfigText.Number(LogAgentLimits.BufferMegabytes) + "M"),
        }).ToArray());
        return text.ToString();
    }

    private static IEnumerable<(string Key, string Value)> Output(LogDestination destination, string serviceName) => destination.Kind switch
    {
        LogOutput.Elasticsearch => new[]
        {
            ("Name", "es"),
            ("Match", "*"),
            ("Host", destination.Host),
            ("Port", destination.PortText),
            ("tls", OnOff(destination.Tls)),
            ("Index", serviceName),
            ("Suppress_Type_Name", "On"),
        }.Concat(destination.PathPrefix.Length > 0 ? new[] { ("Path", destination.PathPrefix) } : Enumerable.Empty<(string, string)>()),
        LogOutput.Splunk => new[]
        {
            ("Name", "splunk"),
            ("Match", "*"),
            ("Host", destination.Host),
            ("Port", destination.PortText),
            ("tls", OnOff(destination.Tls)),
            ("Splunk_Token", "${" + TokenVariable + "}"),
        },
        LogOutput.Loki => new[]
        {
            ("Name", "loki"),
            ("Match", "*"),
            ("Host", destination.Host),
            ("Port", destination.PortText),
            ("tls", OnOff(destination.Tls)),
            ("Labels", "job=" + serviceName),
        }.Concat(destination.PathPrefix.Length > 0 ? new[] { ("Uri", destination.PathPrefix + LokiPushPath) } : Enumerable.Empty<(string, string)>()),
        _ => new[]
        {
            ("Name", "stdout"),
            ("Match", "*"),
            ("Format", "json_lines"),
        },
    };

    private static string OnOff(bool value) => value ? "On" : "Off";

    private static void Section(StringBuilder text, string name, (string Key, string Value)[] entries)
    {
        if (text.Length > 0)
        {
            text.Append('\n');
        }

        text.Append('[').Append(name).Append("]\n");
        foreach (var (key, value) in entries)
        {
            text.Append("    ").Append(key.PadRight(18)).Append(' ').Append(value).Append('\n');
        }
    }
}
