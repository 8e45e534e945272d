using System;
using SidecarGen.Model;

namespace SidecarGen.Sidecars.Logging;

/// <summary><c>[LoggingSidecar]</c> read into typed data; <see cref="EndpointUrl"/> is <c>Endpoint</c> parsed, null when it is no http(s) URL.</summary>
internal sealed record LoggingOptions(CommonOptions Common, LogAgent Agent, string LogPath, LogOutput Output, string? Endpoint, Uri? EndpointUrl, string VolumeSizeLimit)
    : SidecarOptions(Common)
{
    public static LoggingOptions Read(LoggingSidecarAttribute attribute) =>
        new(CommonOptions.Read(attribute), attribute.Agent, attribute.LogPath, attribute.Output, attribute.Endpoint, SidecarChecks.HttpUrl(attribute.Endpoint), attribute.VolumeSizeLimit);
}
