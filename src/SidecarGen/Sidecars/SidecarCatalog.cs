using SidecarGen.Model;
using SidecarGen.Planning;

namespace SidecarGen.Sidecars;

/// <summary>Which builder makes each sidecar kind, and where each traffic sidecar sits in the inbound chain.</summary>
internal static class SidecarCatalog
{
    public static SidecarSpec Build(SidecarDeclaration sidecar, SidecarContext context) => sidecar.Kind switch
    {
        SidecarKind.Logging => LoggingSidecar.Build(sidecar, context),
        SidecarKind.AuthProxy => AuthProxySidecar.Build(sidecar, context),
        SidecarKind.Metrics => MetricsSidecar.Build(sidecar, context),
        SidecarKind.ServiceMesh => ServiceMeshSidecar.Build(sidecar, context),
        SidecarKind.ConfigWatcher => ConfigWatcherSidecar.Build(sidecar, context),
        SidecarKind.TlsTermination => TlsTerminationSidecar.Build(sidecar, context),
        _ => GenericSidecar.Build(sidecar, context),
    };

    /// <summary>The container name a built-in sidecar gets unless <c>Name</c> is set; the attribute classes use the same.</summary>
    public static string DefaultName(SidecarKind kind) => kind switch
    {
        SidecarKind.Logging => LoggingSidecar.DefaultName,
        SidecarKind.AuthProxy => AuthProxySidecar.DefaultName,
        SidecarKind.Metrics => MetricsSidecar.DefaultName,
        SidecarKind.ServiceMesh => ServiceMeshSidecar.DefaultName,
        SidecarKind.ConfigWatcher => ConfigWatcherSidecar.DefaultName,
        SidecarKind.TlsTermination => TlsTerminationSidecar.DefaultName,
        _ => string.Empty,
    };

    /// <summary>
    /// Inbound traffic passes the mesh proxy, then TLS termination, then the auth proxy, then the app:
    /// a higher rank sits further out. Zero means the sidecar takes no inbound traffic.
    /// </summary>
    public static int TrafficRank(SidecarKind kind) => kind switch
    {
        SidecarKind.AuthProxy => 1,
        SidecarKind.TlsTermination => 2,
        SidecarKind.ServiceMesh => 3,
        _ => 0,
    };
}
