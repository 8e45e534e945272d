using System;
using System.Diagnostics;

namespace SidecarGen;

/// <summary>
/// A log agent beside the app: it tails the <c>*.log</c> files the app writes into <see cref="LogPath"/>
/// and ships them to <see cref="Output"/>. The app only writes files.
/// </summary>
/// <remarks>
/// <see cref="LogPath"/> is an <c>emptyDir</c> (Compose: a volume) shared with the agent, which mounts
/// it read-only. The agent's configuration is a ConfigMap (Compose: a mounted file) and its HTTP
/// health endpoint is its probe.
/// </remarks>
/// <example>
/// <code>
/// [LoggingSidecar(LogPath = "/var/log/app", Output = LogOutput.Loki, Endpoint = "http://loki.monitoring:3100")]
/// partial class Program;
/// </code>
/// </example>
// The generator reads this attribute from source; [Conditional] keeps it out of the compiled assembly unless SIDECARGEN_KEEP_ATTRIBUTES is defined.
[Conditional("SIDECARGEN_KEEP_ATTRIBUTES")]
[SidecarConcern(SidecarConcerns.Logging)]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class LoggingSidecarAttribute : SidecarAttribute
{
    /// <summary>Declares a logging sidecar named <c>logging</c> with the agent's default pinned image.</summary>
    public LoggingSidecarAttribute()
        : base("logging")
    {
    }

    /// <summary>The agent. Default <see cref="LogAgent.FluentBit"/>.</summary>
    public LogAgent Agent { get; set; } = LogAgent.FluentBit;

    /// <summary>The folder the app writes its <c>*.log</c> files into, shared with the agent. Default <c>/var/log/app</c>.</summary>
    public string LogPath { get; set; } = "/var/log/app";

    /// <summary>Where the logs go. Default <see cref="LogOutput.Stdout"/>.</summary>
    public LogOutput Output { get; set; } = LogOutput.Stdout;

    /// <summary>
    /// The absolute http(s) URL of the backend: Elasticsearch, Splunk's HTTP Event Collector or Loki.
    /// Required unless <see cref="Output"/> is <see cref="LogOutput.Stdout"/> (SCG0013). Default: none.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>
    /// The most the log folder may hold, a Kubernetes quantity: the <c>emptyDir</c>'s <c>sizeLimit</c>
    /// (the kubelet evicts the Pod beyond it) and the size of the Compose tmpfs volume (writes fail with
    /// "No space left on device" at it). The app must rotate its files to stay below it. Default <c>1Gi</c>.
    /// </summary>
    public string VolumeSizeLimit { get; set; } = "1Gi";
}
