using SidecarGen.Model;

namespace SidecarGen.Sidecars.Logging;

/// <summary><c>[LoggingSidecar]</c> read into typed data.</summary>
internal sealed record LoggingOptions(CommonOptions Common, LogAgent Agent, string LogPath, LogOutput Output, string? Endpoint)
    : SidecarOptions(Common)
{
    public static LoggingOptions Read(LoggingSidecarAttribute attribute) =>
        new(CommonOptions.Read(attribute), attribute.Agent, attribute.LogPath, attribute.Output, attribute.Endpoint);
}
