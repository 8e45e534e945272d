using System.Collections.Generic;
using System.Text;
using SidecarGen.Model;
using SidecarGen.Pod;

namespace SidecarGen.Sidecars.Logging;

/// <summary>
/// Fluent Bit, classic configuration format: tail the app's log files, add the service name, ship
/// to the chosen output; the built-in HTTP server answers the probes on <c>/api/v1/health</c>.
/// </summary>
internal static class FluentBitAgent
{
    /// <summary>Fluent Bit, distroless image (entrypoint <c>/fluent-bit/bin/fluent-bit</c>).</summary>
    public const string Image = "cr.fluentbit.io/fluent/fluent-bit:4.0.3";

    public const int HealthPort = 2020;
    private const string ConfigFile = "fluent-bit.conf";
    private const string TokenVariable = "SPLUNK_TOKEN";

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
            EquatableArray<MountSpec>.Empty);
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
        });
        Section(text, "INPUT", new[]
        {
            ("Name", "tail"),
            ("Path", context.LogGlob),
            ("Tag", "app"),
            ("Refresh_Interval", "5"),
            ("Skip_Long_Lines", "On"),
            ("Mem_Buf_Limit", "16MB"),
        });
        Section(text, "FILTER", new[]
        {
            ("Name", "record_modifier"),
            ("Match", "*"),
            ("Record", "service " + context.ServiceName),
        });
        Section(text, "OUTPUT", Output(context.Destination, context.ServiceName));
        return text.ToString();
    }

    private static (string Key, string Value)[] Output(LogDestination destination, string serviceName) => destination.Kind switch
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
        },
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
        },
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
