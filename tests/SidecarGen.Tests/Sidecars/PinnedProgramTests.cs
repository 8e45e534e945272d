using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s.Models;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Sidecars;

/// <summary>
/// What the generated commands and configs say to oauth2-proxy, the OpenTelemetry Collector, consul-template
/// and etcdctl, against what those programs accept at the versions the default images pin
/// (Schemas/programs, each file naming the repository, tag and commit it was read from). A flag, key or
/// component the pinned release does not know fails here, before a Pod crash-loops on it.
/// </summary>
public sealed partial class PinnedProgramTests
{
    private static readonly JsonNode OAuth2Proxy = Facts("oauth2-proxy-v7.12.0.json");
    private static readonly JsonNode Collector = Facts("otelcol-contrib-0.114.0.json");
    private static readonly JsonNode ConsulTemplate = Facts("consul-template-v0.39.1.json");
    private static readonly JsonNode Etcdctl = Facts("etcdctl-v3.5.17.json");

    public static TheoryData<string> AuthProxies => new()
    {
        "AuthProxySidecar(IssuerUrl = \"https://login.example.com/realms/shop\")",
        "AuthProxySidecar(IssuerUrl = \"https://login.example.com/realms/shop\", EmailDomains = new[] { \"example.com\", \"example.org\" }, SecretName = \"shop-login\")",
    };

    [Theory]
    [MemberData(nameof(AuthProxies))]
    public void Oauth2_proxy_gets_only_flags_and_variables_v7_12_0_defines(string sidecar)
    {
        var container = Sidecar(GeneratorHarness.Run(SidecarDeclarations.Service(sidecar)), "oauth2-proxy");
        var flags = OAuth2Proxy["flags"]!.AsObject();
        var deprecated = OAuth2Proxy["deprecated_flags"]!.AsObject();

        Assert.NotEmpty(container.Args);
        Assert.All(container.Args, argument =>
        {
            var flag = FlagName().Match(argument);
            Assert.True(flag.Success, $"'{argument}' is no --flag=value");
            Assert.True(flags.ContainsKey(flag.Groups["name"].Value), $"oauth2-proxy v7.12.0 has no flag --{flag.Groups["name"].Value}");
            Assert.False(deprecated.ContainsKey(flag.Groups["name"].Value), $"--{flag.Groups["name"].Value} is deprecated in v7.12.0");
        });
        var variables = container.Env.Select(variable => variable.Name).Where(name => name.StartsWith("OAUTH2_PROXY_", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(variables);
        Assert.All(variables, name => Assert.True(OAuth2Proxy["env"]!.AsObject().ContainsKey(name), $"oauth2-proxy v7.12.0 reads no {name}"));
        Assert.Contains(container.ReadinessProbe.HttpGet.Path, new[] { (string?)OAuth2Proxy["defaults"]!["ping-path"], (string?)OAuth2Proxy["defaults"]!["ready-path"] });
    }

    [Fact]
    public void The_collector_config_names_only_components_and_keys_0_114_0_defines()
    {
        var output = GeneratorHarness.Run(SidecarDeclarations.Service("MetricsSidecar"));
        var config = YamlJson.Parse(output["compose/config/payment-service-metrics/collector.yaml"]);
        var components = Collector["components"]!;

        Assert.All(config.AsObject(), section => Assert.True(Collector["top_level"]!.AsObject().ContainsKey(section.Key), $"no top-level '{section.Key}'"));
        foreach (var section in new[] { "receivers", "processors", "exporters", "extensions", "connectors" })
        {
            foreach (var (id, settings) in config[section]?.AsObject() ?? new JsonObject())
            {
                var type = id.Split('/')[0];
                var component = components[section]![type];
                Assert.True(component is not null, $"the collector 0.114.0 image has no {section} '{type}'");
                AssertKnownKeys(settings, component!["config"]!, $"{section}.{id}");
            }
        }

        AssertKnownKeys(config["service"]!, Collector["top_level"]!["service"]!, "service");
        foreach (var (signal, pipeline) in config["service"]!["pipelines"]!.AsObject())
        {
            Assert.Contains(signal.Split('/')[0], Collector["pipeline_signals"]!.AsArray().Select(s => (string)s!));
            foreach (var section in new[] { "receivers", "exporters" })
            {
                Assert.All(pipeline![section]!.AsArray(), id =>
                {
                    var signals = components[section]![((string)id!).Split('/')[0]]!["signals"]!.AsArray().Select(s => (string)s!);
                    Assert.True(signals.Contains(signal.Split('/')[0]), $"{section} '{id}' does not take {signal}");
                });
            }
        }

        Assert.Contains((string?)config["service"]!["telemetry"]!["metrics"]!["level"], Collector["telemetry_metrics_levels"]!.AsArray().Select(level => ((string)level!).ToLowerInvariant()));
        var collector = Sidecar(output, "opentelemetry-collector-contrib");
        Assert.All(collector.Args, argument => Assert.Contains(FlagName().Match(argument).Groups["name"].Value, Collector["cli_flags"]!.AsArray().Select(flag => (string)flag!)));
    }

    public static TheoryData<string> ConsulWatchers => new()
    {
        "ConfigWatcherSidecar",
        "ConfigWatcherSidecar(Address = \"https://consul.example.com:8501\", Key = \"shop/payments\")",
    };

    [Theory]
    [MemberData(nameof(ConsulWatchers))]
    public void Consul_template_reads_only_keys_and_flags_0_39_1_defines(string sidecar)
    {
        var output = GeneratorHarness.Run(SidecarDeclarations.Service(sidecar));
        var hcl = output["compose/config/payment-service-config-watcher/consul-template.hcl"];
        var keys = HclKeys(hcl).ToArray();

        Assert.Contains("template.destination", keys);
        Assert.All(keys, key => Assert.True(Lookup(ConsulTemplate["config_tree"]!, key) is not null, $"consul-template 0.39.1 has no config key '{key}'"));
        var container = Sidecar(output, "consul-template");
        Assert.All(container.Args, argument =>
            Assert.True(ConsulTemplate["cli_flags"]!.AsObject().ContainsKey(FlagName().Match(argument).Groups["name"].Value), $"consul-template 0.39.1 has no flag {argument}"));
    }

    [Fact]
    public void The_etcd_watch_script_calls_only_commands_and_flags_etcdctl_3_5_17_defines()
    {
        var output = GeneratorHarness.Run(SidecarDeclarations.Service("ConfigWatcherSidecar(Source = ConfigSource.Etcd, Key = \"/config/payment-service\")"));
        var script = Arithmetic().Replace(output["compose/config/payment-service-config-watcher/watch.sh"], "0");
        var calls = EtcdctlCall().Matches(script).Select(call => call.Groups["words"].Value).ToArray();

        Assert.Equal(4, calls.Length); // status, keys, a value, watch: a changed script changes this count on purpose
        foreach (var call in calls)
        {
            var words = call.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var flags = words.Where(word => word.StartsWith("--", StringComparison.Ordinal)).Select(word => FlagName().Match(word).Groups["name"].Value).ToArray();
            var command = Etcdctl["commands"]!;
            var known = new HashSet<string>(Etcdctl["global_flags"]!.AsObject().Select(flag => flag.Key));
            foreach (var word in words.Where(word => !word.StartsWith('-') && !word.StartsWith('"')))
            {
                command = command is JsonObject { } commands && commands.ContainsKey("flags") ? command["subcommands"]![word] : command[word];
                Assert.True(command is not null, $"etcdctl 3.5.17 has no command '{word}' in '{call}'");
                known.UnionWith(command!["flags"]!.AsObject().Select(flag => flag.Key));
                known.UnionWith(command["persistent_flags"]!.AsObject().Select(flag => flag.Key));
            }

            Assert.All(flags, flag => Assert.True(known.Contains(flag), $"etcdctl 3.5.17 has no --{flag} for '{call}'"));
        }
    }

    /// <summary>Every key of <paramref name="settings"/> is one the program's config struct (<paramref name="schema"/>) defines; maps take any key.</summary>
    private static void AssertKnownKeys(JsonNode? settings, JsonNode schema, string path)
    {
        if (settings is not JsonObject values || schema is not JsonObject fields)
        {
            Assert.False(settings is JsonObject && schema is JsonValue value && !((string)value!).Contains("map[", StringComparison.Ordinal), $"'{path}' is a value, not a section");
            return;
        }

        foreach (var (key, value) in values)
        {
            var field = fields[key] ?? fields["*"];
            Assert.True(field is not null, $"no key '{path}.{key}'");
            AssertKnownKeys(value, field!, path + "." + key);
        }
    }

    /// <summary>The dotted key paths of the HCL SidecarGen writes: <c>block {</c>, <c>key = value</c> and <c>}</c>, one per line.</summary>
    private static IEnumerable<string> HclKeys(string hcl)
    {
        var blocks = new Stack<string>();
        foreach (var line in hcl.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0))
        {
            if (line == "}")
            {
                blocks.Pop();
            }
            else if (line.EndsWith('{'))
            {
                blocks.Push(line.TrimEnd('{').Trim());
            }
            else
            {
                yield return string.Join('.', blocks.Reverse().Append(line.Split('=')[0].Trim()));
            }
        }
    }

    private static JsonNode? Lookup(JsonNode tree, string dotted) =>
        dotted.Split('.').Aggregate((JsonNode?)tree, (node, key) => node is JsonObject fields ? fields[key] : null);

    private static V1Container Sidecar(GeneratedOutput output, string image) =>
        KubernetesObjects.Deployment(output).Spec.Template.Spec.InitContainers.Single(container => container.Image.Contains(image, StringComparison.Ordinal));

    private static JsonNode Facts(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "programs", file)))!;

    [GeneratedRegex("^--?(?<name>[a-z][a-z0-9-]*)(=.*)?$")]
    private static partial Regex FlagName();

    [GeneratedRegex(@"\$\(\([^)]*\)\)")]
    private static partial Regex Arithmetic();

    [GeneratedRegex(@"etcdctl --endpoints=""\$endpoint"" (?<words>[^|>&;)\n]*)")]
    private static partial Regex EtcdctlCall();
}
