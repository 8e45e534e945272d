using System;
using SidecarGen.Model;

namespace SidecarGen.Sidecars.Metrics;

/// <summary><c>[MetricsSidecar]</c> read into typed data; <see cref="ForwardUrl"/> is <c>ForwardEndpoint</c> parsed, null when it is no http(s) URL.</summary>
internal sealed record MetricsOptions(CommonOptions Common, int ScrapePort, int OtlpPort, string? ForwardEndpoint, Uri? ForwardUrl) : SidecarOptions(Common)
{
    public static MetricsOptions Read(MetricsSidecarAttribute attribute) =>
        new(CommonOptions.Read(attribute), attribute.ScrapePort, attribute.OtlpPort, attribute.ForwardEndpoint, SidecarChecks.HttpUrl(attribute.ForwardEndpoint));
}
