using System;

namespace SidecarGen;

/// <summary>
/// The cross-cutting infrastructure concerns a sidecar can take over from the app.
/// </summary>
/// <remarks>
/// The sidecar pattern gives each sidecar exactly one concern: SCG0001 warns about a sidecar with
/// several, SCG0004 about two sidecars of one Pod with the same one. The values are flags only so
/// that a sidecar declaring several can be detected and reported.
/// </remarks>
[Flags]
public enum SidecarConcerns
{
    /// <summary>No concern declared.</summary>
    None = 0,

    /// <summary>Collecting and shipping the app's logs.</summary>
    Logging = 1,

    /// <summary>Collecting and exposing the app's metrics.</summary>
    Metrics = 2,

    /// <summary>Authenticating callers before requests reach the app.</summary>
    Authentication = 4,

    /// <summary>Routing, retries, timeouts, circuit breaking and mutual TLS between services.</summary>
    TrafficManagement = 8,

    /// <summary>Delivering and refreshing the app's configuration.</summary>
    Configuration = 16,

    /// <summary>Terminating TLS in front of the app.</summary>
    TlsTermination = 32,
}
