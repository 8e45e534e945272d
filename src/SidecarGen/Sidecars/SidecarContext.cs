namespace SidecarGen.Sidecars;

/// <summary>
/// What a sidecar needs to know about the Pod it joins. <paramref name="UpstreamPort"/> is the next
/// hop inbound for a traffic sidecar: the app, or the traffic sidecar inside this one.
/// </summary>
internal sealed record SidecarContext(string ServiceName, int AppPort, int UpstreamPort, string HealthPath);
