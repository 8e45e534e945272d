using System;

namespace SidecarGen;

/// <summary>
/// The cross-cutting concerns a sidecar can take over from the app. The sidecar pattern gives each
/// sidecar exactly one (SCG0001 warns about a sidecar with several; SCG0004 about two sidecars with
/// the same one).
/// </summary>
[Flags]
public enum SidecarConcerns
{
    /// <summary>No concern declared.</summary>
    None = 0,

    /// <summary>Collecting and shipping logs.</summary>
    Logging = 1,

    /// <summary>Collecting and exposing metrics.</summary>
    Metrics = 2,

    /// <summary>Authenticating callers before requests reach the app.</summary>
    Authentication = 4,

    /// <summary>Routing, retries, timeouts, circuit breaking, mTLS between services.</summary>
    TrafficManagement = 8,

    /// <summary>Delivering and refreshing the app's configuration.</summary>
    Configuration = 16,

    /// <summary>Terminating TLS in front of the app.</summary>
    TlsTermination = 32,
}
