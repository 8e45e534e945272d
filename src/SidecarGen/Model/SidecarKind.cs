namespace SidecarGen.Model;

/// <summary>Which sidecar attribute was written: a built-in kind, the generic one, or a user's derived one.</summary>
internal enum SidecarKind
{
    Generic,
    Custom,
    Logging,
    Metrics,
    AuthProxy,
    ServiceMesh,
    ConfigWatcher,
    TlsTermination,
}
