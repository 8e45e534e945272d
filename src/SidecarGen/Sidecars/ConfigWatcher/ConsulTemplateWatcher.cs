using System;
using System.Text;
using SidecarGen.Model;
using SidecarGen.Pod;

namespace SidecarGen.Sidecars.ConfigWatcher;

/// <summary>
/// Consul: consul-template renders the KV tree under the key as one JSON document,
/// <c>&lt;MountPath&gt;/config.json</c>, and re-renders it on every change.
/// </summary>
internal static class ConsulTemplateWatcher
{
    /// <summary>consul-template (Alpine-based: has the <c>test</c> command the probe runs).</summary>
    public const string Image = "hashicorp/consul-template:0.39.1";

    public static readonly Uri DefaultAddress = new("http://consul:8500");
    public const string OutputFile = "config.json";
    private const string ConfigFile = "consul-template.hcl";

    public static WatcherSetup Build(ConfigWatcherContext context)
    {
        var destination = context.MountPath.TrimEnd('/') + "/" + OutputFile;
        return new WatcherSetup(
            Image,
            EquatableArray.Of("consul-template"),
            EquatableArray.Of("-config=" + context.ConfigDirectory + "/" + ConfigFile),
            EquatableArray.Of(new ConfigFileSpec(ConfigFile, Render(context, destination))),
            EquatableArray<EnvVarSpec>.Empty,
            ProbeSpec.Command("test", "-s", destination));
    }

    /// <summary>
    /// Retries forever while Consul is unreachable (the app waits on the startup probe meanwhile) and
    /// waits for changes to settle before rendering. Strings are HCL-escaped; the validator admits
    /// only plain key paths and URLs.
    /// </summary>
    private static string Render(ConfigWatcherContext context, string destination)
    {
        var address = context.Address;
        var text = new StringBuilder()
            .Append("consul {\n")
            .Append("  address = ").Append(ConfigText.HclString(address.Authority)).Append('\n');
        if (address.Scheme == Uri.UriSchemeHttps)
        {
            text.Append("  ssl {\n    enabled = true\n    verify  = true\n  }\n");
        }

        text.Append("  retry {\n    enabled     = true\n    attempts    = 0\n    backoff     = \"250ms\"\n    max_backoff = \"1m\"\n  }\n")
            .Append("}\n\n")
            .Append("wait {\n  min = \"2s\"\n  max = \"10s\"\n}\n\n")
            .Append("template {\n")
            .Append("  contents    = ").Append(ConfigText.HclString("{{ tree \"" + context.Key.Trim('/') + "\" | explode | toJSONPretty }}")).Append('\n')
            .Append("  destination = ").Append(ConfigText.HclString(destination)).Append('\n')
            .Append("  perms       = 0644\n")
            .Append("}\n");
        return text.ToString();
    }
}
