using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SidecarGen.Sidecars.Logging;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Sidecars;

/// <summary>
/// Each log agent's generated configuration against the keys the program itself defines at the pinned
/// version (Schemas/log-agents: Fluent Bit v4.0.3's service keys, generic keys and plugin config maps;
/// Fluentd v1.17.1's plugin parameters; Filebeat 8.15.3's flags and config keys), and what makes it lose
/// nothing: a position database and an on-disk buffer in a state folder that outlives the agent's restarts,
/// retried without limit, bounded.
/// </summary>
public sealed class LogAgentConfigTests
{
    private static readonly JsonNode FluentBit = Facts("fluent-bit-v4.0.3.json");
    private static readonly JsonNode Fluentd = Facts("fluentd-v1.17.1.json");
    private static readonly JsonObject Filebeat = Facts("filebeat-8.15.3.json").AsObject();

    public static TheoryData<string> FluentBitOutputs => new()
    {
        "Output = LogOutput.Stdout",
        "Output = LogOutput.Elasticsearch, Endpoint = \"https://logs.example.com/es/\"",
        "Output = LogOutput.Loki, Endpoint = \"http://gateway.monitoring/loki\"",
        "Output = LogOutput.Splunk, Endpoint = \"https://splunk.example.com:8088\"",
    };

    [Theory]
    [MemberData(nameof(FluentBitOutputs))]
    public void Fluent_bit_uses_only_keys_fluent_bit_defines(string output)
    {
        var sections = FluentBitSections(Run("LoggingSidecar(" + output + ")")["compose/config/orders-logging/fluent-bit.conf"]);
        foreach (var (section, keys) in sections)
        {
            var known = section == "SERVICE"
                ? Strings(FluentBit["service"]!)
                : Strings(FluentBit["generic"]![section.ToLowerInvariant()]!).Concat(Strings(FluentBit["plugins"]![section.ToLowerInvariant()]![keys["Name"]]!)).Append("name");
            Assert.All(keys.Keys, key => Assert.Contains(key, known, StringComparer.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void Fluent_bit_resumes_from_its_position_database_and_buffers_on_disk_without_dropping_on_retry()
    {
        var result = Run("LoggingSidecar(Output = LogOutput.Elasticsearch, Endpoint = \"http://es:9200\")");
        var sections = FluentBitSections(result["compose/config/orders-logging/fluent-bit.conf"]).ToDictionary(s => s.Section, s => s.Keys);
        var state = StateMount(result, "/fluent-bit/state");

        Assert.StartsWith(state + "/", sections["INPUT"]["DB"], StringComparison.Ordinal);
        Assert.StartsWith(state + "/", sections["SERVICE"]["storage.path"], StringComparison.Ordinal);
        Assert.Equal("filesystem", sections["INPUT"]["storage.type"]);

        // Without Read_from_Head a file the database has not seen (one written while the agent was
        // down) is read from its end (plugins/in_tail/tail_file.c set_file_position); the default is off.
        Assert.Equal("false", (string?)FluentBit["defaults"]!["tail.read_from_head"]);
        Assert.Equal("On", sections["INPUT"]["Read_from_Head"]);

        // Fluent Bit's default Retry_Limit is 1 (src/flb_output.c): a chunk is dropped after one failed retry.
        Assert.Equal("no_limits", sections["OUTPUT"]["Retry_Limit"]);
        Assert.Equal("64M", sections["OUTPUT"]["storage.total_limit_size"]);
        Assert.Equal("30", sections["SERVICE"]["scheduler.cap"]);
        Assert.Equal((string?)FluentBit["defaults"]!["tail.rotate_wait"], sections["INPUT"]["Rotate_Wait"]);
        Assert.All(sections.Values.SelectMany(keys => keys).Where(key => Bools.Contains(key.Key)), key => Assert.Contains(key.Value.ToLowerInvariant(), Strings(FluentBit["bool_values"]!)));
    }

    private static readonly string[] Bools = { "HTTP_Server", "Health_Check", "Skip_Long_Lines", "Read_from_Head", "tls", "Suppress_Type_Name" };

    [Fact]
    public void Endpoint_paths_reach_every_output_that_can_carry_them()
    {
        Assert.Equal("/es", FluentBitOutput("Output = LogOutput.Elasticsearch, Endpoint = \"https://logs.example.com/es/\"")["Path"]);
        Assert.Equal("/loki/loki/api/v1/push", FluentBitOutput("Output = LogOutput.Loki, Endpoint = \"http://gateway.monitoring/loki\"")["Uri"]);

        // Without a path each output keeps its own API path: no Path key, Loki's default uri.
        Assert.False(FluentBitOutput("Output = LogOutput.Elasticsearch, Endpoint = \"https://logs.example.com/\"").ContainsKey("Path"));
        Assert.False(FluentBitOutput("Output = LogOutput.Loki, Endpoint = \"http://loki:3100\"").ContainsKey("Uri"));

        var filebeat = YamlJson.Parse(Run("LoggingSidecar(Agent = LogAgent.Filebeat, Output = LogOutput.Elasticsearch, Endpoint = \"http://es:9200/prefix/\")")["compose/config/orders-logging/filebeat.yml"]);
        Assert.Equal("/prefix", (string?)filebeat["output.elasticsearch"]!["path"]);
        Assert.Equal("http://es:9200", (string?)filebeat["output.elasticsearch"]!["hosts"]![0]);
    }

    [Fact]
    public void Fluentd_uses_only_parameters_fluentd_defines_and_keeps_positions_and_a_bounded_file_buffer()
    {
        var result = Run("LoggingSidecar(Agent = LogAgent.Fluentd)");
        var config = result["compose/config/orders-logging/fluent.conf"];
        var directives = FluentdDirectives(config);
        var plugins = Fluentd["plugins"]!;
        foreach (var (path, type, parameters) in directives)
        {
            var known = path switch
            {
                "match/buffer" => Strings(plugins["buffer/" + type]!["params"]!).Concat(Strings(Fluentd["buffer_section"]!)),
                "source/parse" => Array.Empty<string>(),
                _ when path.EndsWith("/record", StringComparison.Ordinal) => parameters,
                _ => Strings(plugins[path + "/" + type]!["params"]!),
            };
            Assert.All(parameters, parameter => Assert.Contains(parameter, known));
        }

        var state = StateMount(result, "/fluentd/state");
        Assert.Contains($"  pos_file {state}/app.log.pos\n", config);
        Assert.Contains("  read_from_head true\n", config);
        Assert.Contains($"    path {state}/buffer\n", config);
        Assert.Contains("    total_limit_size 64m\n", config);
        Assert.Contains("    overflow_action drop_oldest_chunk\n", config);
        Assert.Contains("    retry_forever true\n", config);
    }

    public static TheoryData<string> FilebeatOutputs => new()
    {
        "Output = LogOutput.Stdout",
        "Output = LogOutput.Elasticsearch, Endpoint = \"https://logs.example.com/es/\"",
    };

    /// <summary>
    /// Every flag and key is one Filebeat 8.15.3 defines, and each fact the walk used is needed: removed from a
    /// copy of the facts, the walk fails (so the check can fail, and fails on a key Filebeat lacks).
    /// </summary>
    [Theory]
    [MemberData(nameof(FilebeatOutputs))]
    public void Filebeat_uses_only_flags_and_keys_8_15_3_defines(string output)
    {
        var result = Run("LoggingSidecar(Agent = LogAgent.Filebeat, " + output + ")");
        var config = YamlJson.Parse(result["compose/config/orders-logging/filebeat.yml"]);
        var args = KubernetesObjects.Deployment(result).Spec.Template.Spec.InitContainers.Single().Args;
        FactWalk Check(JsonObject facts)
        {
            var walk = FilebeatKeys.Walk(facts, config);
            foreach (var flag in args.Where(arg => arg.StartsWith('-')).Select(arg => Regex.Match(arg, "^--?(?<name>[A-Za-z][a-z.]*)(=.*)?$").Groups["name"].Value))
            {
                if (facts["cli_flags"]!.AsObject().ContainsKey(flag))
                {
                    walk.Use("cli_flags", flag);
                }
                else
                {
                    walk.Errors.Add($"Filebeat has no flag -{flag}");
                }
            }

            return walk;
        }

        Assert.Empty(Check(Filebeat).Errors);
        Check(Filebeat).AssertEachEntryIsNeeded(Filebeat, Check);
    }

    [Fact]
    public void Filebeat_keeps_its_registry_and_a_bounded_disk_queue_in_its_state_folder()
    {
        var result = Run("LoggingSidecar(Agent = LogAgent.Filebeat, Output = LogOutput.Elasticsearch, Endpoint = \"http://es:9200\")");
        var config = YamlJson.Parse(result["compose/config/orders-logging/filebeat.yml"]);
        var state = StateMount(result, "/usr/share/filebeat/data");
        var agent = KubernetesObjects.Deployment(result).Spec.Template.Spec.InitContainers.Single();
        Assert.Equal(state, agent.Args[agent.Args.IndexOf("--path.data") + 1]);

        // The registry and the disk queue are left at their defaults, folders relative to path.data
        // (filebeat/config/config.go, libbeat/publisher/queue/diskqueue/config.go): both in the state folder.
        var defaults = Filebeat["defaults"]!;
        Assert.False(Path.IsPathRooted((string?)defaults["filebeat.registry.path"]));
        Assert.False(Path.IsPathRooted((string?)defaults["queue.disk.path"]));
        Assert.Null(config["filebeat.registry.path"] ?? config["filebeat.registry"]);
        Assert.Null(config["queue.disk"]!["path"]);

        // 64 MB (go-humanize: MB is 1000^2 bytes), above the disk queue's 10 MB floor, under which Filebeat refuses to start.
        Assert.Equal(LogAgentLimits.BufferMegabytes + "MB", (string?)config["queue.disk"]!["max_size"]);
        Assert.True(LogAgentLimits.BufferMegabytes * 1000L * 1000 >= (long)defaults["queue.disk.max_size.minimum_bytes"]!);

        // Retries back off to 30 s at most, not Filebeat's default 60 s.
        Assert.Equal("60s", (string?)defaults["output.elasticsearch.backoff.max"]);
        Assert.Equal("30s", (string?)config["output.elasticsearch"]!["backoff.max"]);

        // A removed file is let go, written out rather than left to a default that one version of filestream turns off.
        Assert.True((bool)config["filebeat.inputs"]![0]!["close.on_state_change.removed"]!);
        Assert.True((bool)defaults["filestream.clean_removed"]!);
        Assert.Null(config["filebeat.inputs"]![0]!["clean_removed"]);
    }

    [Theory]
    [InlineData("LogAgent.FluentBit")]
    [InlineData("LogAgent.Fluentd")]
    [InlineData("LogAgent.Filebeat")]
    public void The_log_volume_is_bounded_by_VolumeSizeLimit_in_both_outputs(string agent)
    {
        var result = Run("LoggingSidecar(Agent = " + agent + ", VolumeSizeLimit = \"96Mi\")");
        var pod = KubernetesObjects.Deployment(result).Spec.Template.Spec;
        var logs = pod.Containers[0].VolumeMounts.Single(m => m.MountPath == "/var/log/app").Name;
        Assert.Equal("96Mi", pod.Volumes.Single(v => v.Name == logs).EmptyDir.SizeLimit.ToString());

        var compose = result["compose/compose.yaml"];
        ComposeSchema.AssertValid(compose);
        var options = (string?)YamlJson.Parse(compose)["volumes"]!["orders-" + logs]!["driver_opts"]!["o"];
        Assert.Equal("uid=10001,gid=10001,mode=0770,size=96m", options);

        // Left out, the attribute's default.
        var defaults = KubernetesObjects.Deployment(Run("LoggingSidecar(Agent = " + agent + ")")).Spec.Template.Spec;
        Assert.Equal(new LoggingSidecarAttribute().VolumeSizeLimit, defaults.Volumes.Single(v => v.Name == logs).EmptyDir.SizeLimit.ToString());
    }

    private static GeneratedOutput Run(string logging) => GeneratorHarness.Run(Sources.Program("SidecarService(\"orders\")", logging));

    /// <summary>
    /// The agent's state folder: writable in its container, an emptyDir in the Pod (kept across container
    /// restarts); in Compose a named volume of its own that the holder keeps mounted too, so it outlives
    /// the agent's container (a container's own tmpfs would not).
    /// </summary>
    private static string StateMount(GeneratedOutput result, string path)
    {
        var pod = KubernetesObjects.Deployment(result).Spec.Template.Spec;
        var mount = pod.InitContainers.Single().VolumeMounts.Single(m => m.MountPath == path);
        Assert.NotEqual(true, mount.ReadOnlyProperty);
        Assert.NotNull(pod.Volumes.Single(v => v.Name == mount.Name).EmptyDir);

        var compose = YamlJson.Parse(result["compose/compose.yaml"]);
        var services = compose["services"]!.AsObject();
        var volume = services["orders-logging"]!["volumes"]!.AsArray().Single(v => (string?)v!["target"] == path)!;
        Assert.Equal(("volume", false), ((string?)volume["type"], (bool)volume["read_only"]!));
        Assert.Contains(services["orders-pod"]!["volumes"]!.AsArray(), v => (string?)v!["source"] == (string?)volume["source"]);
        Assert.DoesNotContain(path, services["orders-logging"]!["tmpfs"]?.AsArray().Select(t => (string?)t) ?? Enumerable.Empty<string?>());
        return path;
    }

    private static Dictionary<string, string> FluentBitOutput(string output) =>
        FluentBitSections(Run("LoggingSidecar(" + output + ")")["compose/config/orders-logging/fluent-bit.conf"]).Single(s => s.Section == "OUTPUT").Keys;

    /// <summary>Classic mode: <c>[SECTION]</c> headers, then indented <c>Key value</c> lines.</summary>
    private static List<(string Section, Dictionary<string, string> Keys)> FluentBitSections(string config)
    {
        var sections = new List<(string, Dictionary<string, string>)>();
        foreach (var line in config.Split('\n').Where(line => line.Length > 0))
        {
            if (line.StartsWith('['))
            {
                sections.Add((line.Trim('[', ']'), new Dictionary<string, string>()));
            }
            else
            {
                var parts = line.Trim().Split(' ', 2, StringSplitOptions.TrimEntries);
                sections[^1].Item2.Add(parts[0], parts[1]);
            }
        }

        return sections;
    }

    /// <summary>Each directive as (its path, e.g. <c>match/buffer</c>; its <c>@type</c>; its parameter names other than <c>@type</c>).</summary>
    private static List<(string Path, string Type, List<string> Parameters)> FluentdDirectives(string config)
    {
        var directives = new List<(string Path, string Type, List<string> Parameters)>();
        var open = new Stack<(string Path, string Type, List<string> Parameters)>();
        foreach (var line in config.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0))
        {
            if (Regex.Match(line, "^<(/?)([a-z_]+)[^>]*>$") is { Success: true } tag)
            {
                if (tag.Groups[1].Value == "/")
                {
                    directives.Add(open.Pop());
                }
                else
                {
                    open.Push(((open.Count > 0 ? open.Peek().Path + "/" : string.Empty) + tag.Groups[2].Value, string.Empty, new List<string>()));
                }

                continue;
            }

            var (path, type, parameters) = open.Pop();
            var key = line.Split(' ', 2)[0];
            if (key == "@type")
            {
                type = line.Split(' ', 2)[1];
            }
            else
            {
                parameters.Add(key);
            }

            open.Push((path, type, parameters));
        }

        Assert.Empty(open);
        return directives;
    }

    private static IEnumerable<string> Strings(JsonNode node) => node.AsArray().Select(item => (string)item!);

    private static JsonNode Facts(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "log-agents", file)))!;
}
