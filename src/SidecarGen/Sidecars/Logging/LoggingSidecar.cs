using System.Collections.Generic;
using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Rules;

namespace SidecarGen.Sidecars.Logging;

/// <summary>
/// <c>[LoggingSidecar]</c>: the app writes log files into a folder shared with the sidecar (an
/// <c>emptyDir</c>, a named volume in Compose); the agent tails them and ships them to the output.
/// </summary>
internal sealed class LoggingSidecar : SidecarKind<LoggingSidecarAttribute, LoggingOptions>
{
    public override IEnumerable<string> DefaultImages => new[] { FluentBitAgent.Image, FluentdAgent.Image, FilebeatAgent.Image };

    protected override LoggingOptions ReadOptions(LoggingSidecarAttribute attribute) => LoggingOptions.Read(attribute);

    protected override string? DefaultImage(LoggingOptions options) => options.Agent switch
    {
        LogAgent.Fluentd => FluentdAgent.Image,
        LogAgent.Filebeat => FilebeatAgent.Image,
        _ => FluentBitAgent.Image,
    };

    protected override IEnumerable<PathProperty> Paths(LoggingOptions options) =>
        new[] { new PathProperty(nameof(LoggingSidecarAttribute.LogPath), options.LogPath) };

    protected override void Check(LoggingOptions options, AttributeFindings findings)
    {
        // The agent's file pattern is LogPath + "/*.log": a wildcard in the folder would widen it.
        if (options.LogPath.IndexOfAny(new[] { '*', '?' }) >= 0)
        {
            findings.Report(RuleIds.CannotRender, nameof(LoggingSidecarAttribute.LogPath), $"{nameof(LoggingSidecarAttribute.LogPath)} '{options.LogPath}' must be a folder, not a file pattern");
        }

        if (!AgentSupports(options.Agent, options.Output))
        {
            findings.Report(RuleIds.CannotRender, nameof(LoggingSidecarAttribute.Output), "This log agent's stock image cannot ship to that output; use LogAgent.FluentBit");
        }

        SidecarChecks.Url(findings, nameof(LoggingSidecarAttribute.Endpoint), options.Endpoint, options.EndpointUrl, required: options.Output != LogOutput.Stdout);
        if (options.Output != LogOutput.Stdout && options.EndpointUrl is { } url && EndpointProblem(options.Output, url) is { } problem)
        {
            findings.Report(RuleIds.InvalidUrl, nameof(LoggingSidecarAttribute.Endpoint), $"{nameof(LoggingSidecarAttribute.Endpoint)} '{options.Endpoint}' {problem}");
        }

        if (Quantities.MemoryBytes(options.VolumeSizeLimit) is null or 0)
        {
            findings.Report(RuleIds.InvalidQuantity, nameof(LoggingSidecarAttribute.VolumeSizeLimit), $"{nameof(LoggingSidecarAttribute.VolumeSizeLimit)} '{options.VolumeSizeLimit}' is not a positive Kubernetes quantity");
        }
    }

    /// <summary>
    /// What of the endpoint URL no agent's output can carry: a query or fragment (no output takes one),
    /// and a path for Splunk (Fluent Bit's splunk output always posts to <c>/services/collector/event</c>).
    /// </summary>
    private static string? EndpointProblem(LogOutput output, System.Uri url) =>
        url.Query.Length > 0 || url.Fragment.Length > 0 ? "has a query or fragment, which the agent's output cannot send"
        : output == LogOutput.Splunk && LogDestination.Of(output, url).PathPrefix.Length > 0 ? "has a path, but the Splunk output posts to /services/collector/event on the host: give the host only"
        : null;

    protected override SidecarSpec Plan(LoggingOptions options, SidecarContext context)
    {
        var name = options.Common.Name;
        var destination = LogDestination.Of(options.Output, options.EndpointUrl);
        var agentContext = new LogAgentContext(name, context.ServiceName, options.LogPath, destination);
        var agent = options.Agent switch
        {
            LogAgent.Fluentd => FluentdAgent.Build(agentContext),
            LogAgent.Filebeat => FilebeatAgent.Build(agentContext),
            _ => FluentBitAgent.Build(agentContext),
        };

        var logVolume = name + "-logs";
        var mounts = new[] { CommonSettings.ConfigMount(name), new MountSpec(logVolume, options.LogPath, ReadOnly: true), agent.StateMount };
        var container = CommonSettings.Container(
            options.Common,
            CommonSettings.Image(options.Common, agent.Image),
            agent.Command,
            agent.Args,
            new[] { agent.HealthPort },
            agent.Env,
            mounts,
            agent.Probe);

        return new SidecarSpec(
            container,
            ConfigFiles: agent.ConfigFiles,
            SharedVolumes: EquatableArray.Of(new SharedVolumeSpec(logVolume, options.LogPath, AppReadOnly: false, options.VolumeSizeLimit)));
    }

    /// <summary>Fluentd's stock image ships to stdout only; Filebeat has no Splunk or Loki output.</summary>
    private static bool AgentSupports(LogAgent agent, LogOutput output) => agent switch
    {
        LogAgent.Fluentd => output == LogOutput.Stdout,
        LogAgent.Filebeat => output is LogOutput.Stdout or LogOutput.Elasticsearch,
        _ => output is >= LogOutput.Stdout and <= LogOutput.Loki,
    };
}
