using SidecarGen.Model;

namespace SidecarGen.Sidecars.Metrics;

/// <summary><c>[MetricsSidecar]</c> read into typed data.</summary>
internal sealed record MetricsOptions(CommonOptions Common, int ScrapePort, int OtlpPort) : SidecarOptions(Common)
{
    public static MetricsOptions Read(MetricsSidecarAttribute attribute) =>
        new(CommonOptions.Read(attribute), attribute.ScrapePort, attribute.OtlpPort);
}
