namespace SidecarGen;

/// <summary>Where a <see cref="LoggingSidecarAttribute"/> ships the app's logs.</summary>
public enum LogOutput
{
    /// <summary>The agent's standard output, for the cluster's own log collection. The default; needs no endpoint.</summary>
    Stdout = 0,

    /// <summary>Elasticsearch at <see cref="LoggingSidecarAttribute.Endpoint"/>, index named after the service.</summary>
    Elasticsearch = 1,

    /// <summary>
    /// Splunk's HTTP Event Collector at <see cref="LoggingSidecarAttribute.Endpoint"/>; the HEC token
    /// comes from the key <c>splunk-token</c> of the Secret <c>&lt;service&gt;-logging</c>, never from source.
    /// </summary>
    Splunk = 2,

    /// <summary>Grafana Loki at <see cref="LoggingSidecarAttribute.Endpoint"/>, labelled with the service.</summary>
    Loki = 3,
}
