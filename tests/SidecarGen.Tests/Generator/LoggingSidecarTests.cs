using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Generator;

/// <summary>Each log agent and output: the config file the agent will read, and how it is started and probed.</summary>
public sealed class LoggingSidecarTests
{
    private static GeneratedOutput Run(string logging) => GeneratorHarness.Run(Sources.Program("SidecarService(\"orders\")", logging));

    private static Dictionary<string, string> FluentBitSection(string config, string section)
    {
        var lines = config.Split('\n');
        var start = Array.IndexOf(lines, "[" + section + "]");
        Assert.True(start >= 0, $"no [{section}] in\n{config}");
        return lines.Skip(start + 1)
            .TakeWhile(line => line.StartsWith("    ", StringComparison.Ordinal))
            .Select(line => line.Trim().Split(' ', 2, StringSplitOptions.TrimEntries))
            .ToDictionary(parts => parts[0], parts => parts[1]);
    }

    [Fact]
    public void Fluent_bit_to_stdout_by_default()
    {
        var config = Run("LoggingSidecar")["compose/config/orders-logging/fluent-bit.conf"];

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Flush"] = "1", ["Log_Level"] = "info", ["HTTP_Server"] = "On", ["HTTP_Listen"] = "0.0.0.0", ["HTTP_Port"] = "2020", ["Health_Check"] = "On",
                ["storage.path"] = "/fluent-bit/state/buffer", ["storage.sync"] = "normal", ["scheduler.cap"] = "30",
            },
            FluentBitSection(config, "SERVICE"));
        var input = FluentBitSection(config, "INPUT");
        Assert.Equal(("tail", "/var/log/app/*.log"), (input["Name"], input["Path"]));
        Assert.Equal("service orders", FluentBitSection(config, "FILTER")["Record"]);
        Assert.Equal(("stdout", "json_lines"), (FluentBitSection(config, "OUTPUT")["Name"], FluentBitSection(config, "OUTPUT")["Format"]));
    }

    [Fact]
    public void Fluent_bit_to_elasticsearch_over_tls()
    {
        var output = FluentBitSection(Run("LoggingSidecar(Output = LogOutput.Elasticsearch, Endpoint = \"https://es.example.com:9243\")")["compose/config/orders-logging/fluent-bit.conf"], "OUTPUT");
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Name"] = "es", ["Match"] = "*", ["Host"] = "es.example.com", ["Port"] = "9243", ["tls"] = "On", ["Index"] = "orders", ["Suppress_Type_Name"] = "On",
                ["Retry_Limit"] = "no_limits", ["storage.total_limit_size"] = "64M",
            },
            output);
    }

    [Fact]
    public void Fluent_bit_to_splunk_takes_the_token_from_a_secret()
    {
        var result = Run("LoggingSidecar(Output = LogOutput.Splunk, Endpoint = \"https://splunk.example.com\")");
        var output = FluentBitSection(result["compose/config/orders-logging/fluent-bit.conf"], "OUTPUT");
        Assert.Equal(("splunk", "splunk.example.com", "8088", "${SPLUNK_TOKEN}"), (output["Name"], output["Host"], output["Port"], output["Splunk_Token"]));

        var token = KubernetesObjects.Deployment(result).Spec.Template.Spec.InitContainers.Single().Env.Single();
        Assert.Equal(("SPLUNK_TOKEN", "orders-logging", "splunk-token"), (token.Name, token.ValueFrom.SecretKeyRef.Name, token.ValueFrom.SecretKeyRef.Key));
        ComposeSchema.AssertValid(result["compose/compose.yaml"]);
    }

    [Fact]
    public void Fluent_bit_to_loki_labels_the_stream_with_the_service()
    {
        var output = FluentBitSection(Run("LoggingSidecar(Output = LogOutput.Loki, Endpoint = \"http://loki:3100\")")["compose/config/orders-logging/fluent-bit.conf"], "OUTPUT");
        Assert.Equal(("loki", "loki", "3100", "Off", "job=orders"), (output["Name"], output["Host"], output["Port"], output["tls"], output["Labels"]));
    }

    [Fact]
    public void Fluentd_tails_with_a_writable_position_file_and_answers_on_monitor_agent()
    {
        var result = Run("LoggingSidecar(Agent = LogAgent.Fluentd, LogPath = \"/logs\")");
        var config = result["compose/config/orders-logging/fluent.conf"];
        Assert.Contains("  path /logs/*.log\n", config);
        Assert.Contains("  pos_file /fluentd/state/app.log.pos\n", config);
        Assert.Contains("  @type monitor_agent\n", config);

        var agent = KubernetesObjects.Deployment(result).Spec.Template.Spec.InitContainers.Single();
        Assert.StartsWith("fluent/fluentd:", agent.Image);
        Assert.Equal("/api/plugins.json", agent.StartupProbe.HttpGet.Path);
        Assert.Contains(agent.VolumeMounts, m => m.MountPath == "/fluentd/state" && m.ReadOnlyProperty != true);
        ComposeSchema.AssertValid(result["compose/compose.yaml"]);
    }

    [Fact]
    public void Filebeat_ships_to_elasticsearch_and_keeps_its_registry_in_its_state_folder()
    {
        var result = Run("LoggingSidecar(Agent = LogAgent.Filebeat, Output = LogOutput.Elasticsearch, Endpoint = \"http://es:9200\")");
        var config = YamlJson.Parse(result["compose/config/orders-logging/filebeat.yml"]);

        Assert.Equal("filestream", (string?)config["filebeat.inputs"]![0]!["type"]);
        Assert.Equal("/var/log/app/*.log", (string?)config["filebeat.inputs"]![0]!["paths"]![0]);
        Assert.Equal("http://es:9200", (string?)config["output.elasticsearch"]!["hosts"]![0]);
        Assert.True((bool)config["http.enabled"]!);
        Assert.Equal(5066, (long)config["http.port"]!);
        var agent = KubernetesObjects.Deployment(result).Spec.Template.Spec.InitContainers.Single();
        Assert.Contains(agent.VolumeMounts, m => m.MountPath == "/usr/share/filebeat/data" && m.ReadOnlyProperty != true);
        Assert.Equal(5066, agent.Ports.Single().ContainerPort);
    }
}
