using System;

namespace SidecarGen;

/// <summary>
/// A log agent beside the app: it tails the files the app writes into <see cref="LogPath"/> (a
/// volume shared with the app) and ships them to <see cref="Output"/>. The app only writes files.
/// </summary>
/// <example>
/// <code>
/// [LoggingSidecar(LogPath = "/var/log/app", Output = LogOutput.Loki, Endpoint = "http://loki.monitoring:3100")]
/// public partial class Program;
/// </code>
/// </example>
[SidecarConcern(SidecarConcerns.Logging)]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class LoggingSidecarAttribute : SidecarAttribute
{
    /// <summary>Declares a logging sidecar named <c>logging</c>.</summary>
    public LoggingSidecarAttribute()
        : base("logging")
    {
    }

    /// <summary>The agent. Default <see cref="LogAgent.FluentBit"/>.</summary>
    public LogAgent Agent { get; set; } = LogAgent.FluentBit;

    /// <summary>The folder the app writes its <c>*.log</c> files into, shared with the agent. Default <c>/var/log/app</c>.</summary>
    public string LogPath { get; set; } = "/var/log/app";

    /// <summary>Where logs go. Default <see cref="LogOutput.Stdout"/>.</summary>
    public LogOutput Output { get; set; } = LogOutput.Stdout;

    /// <summary>The absolute http(s) URL of the backend; required unless <see cref="Output"/> is <see cref="LogOutput.Stdout"/>.</summary>
    public string? Endpoint { get; set; }
}
