namespace SidecarGen;

/// <summary>The log agent a <see cref="LoggingSidecarAttribute"/> runs.</summary>
public enum LogAgent
{
    /// <summary>Fluent Bit: small, ships to every <see cref="LogOutput"/>. The default.</summary>
    FluentBit = 0,

    /// <summary>Fluentd with the plugins of its stock image: ships to <see cref="LogOutput.Stdout"/> only.</summary>
    Fluentd = 1,

    /// <summary>Filebeat: ships to <see cref="LogOutput.Stdout"/> or <see cref="LogOutput.Elasticsearch"/>.</summary>
    Filebeat = 2,
}
