using System.Collections.Immutable;
using SidecarGen.Model;

namespace SidecarGen.Reading;

/// <summary>Metadata names of the attributes in SidecarGen.Abstractions.</summary>
internal static class KnownTypes
{
    public const string SidecarService = "SidecarGen.SidecarServiceAttribute";
    public const string Sidecar = "SidecarGen.SidecarAttribute";
    public const string SidecarConcern = "SidecarGen.SidecarConcernAttribute";
    public const string LoggingSidecar = "SidecarGen.LoggingSidecarAttribute";
    public const string MetricsSidecar = "SidecarGen.MetricsSidecarAttribute";
    public const string AuthProxySidecar = "SidecarGen.AuthProxySidecarAttribute";
    public const string ServiceMeshSidecar = "SidecarGen.ServiceMeshSidecarAttribute";
    public const string ConfigWatcherSidecar = "SidecarGen.ConfigWatcherSidecarAttribute";
    public const string TlsTerminationSidecar = "SidecarGen.TlsTerminationSidecarAttribute";

    /// <summary>Every attribute whose presence makes a class a SidecarGen service.</summary>
    public static readonly ImmutableArray<string> Triggers = ImmutableArray.Create(
        SidecarService,
        Sidecar,
        LoggingSidecar,
        MetricsSidecar,
        AuthProxySidecar,
        ServiceMeshSidecar,
        ConfigWatcherSidecar,
        TlsTerminationSidecar);

    public static SidecarKind KindOf(string attributeType) => attributeType switch
    {
        Sidecar => SidecarKind.Generic,
        LoggingSidecar => SidecarKind.Logging,
        MetricsSidecar => SidecarKind.Metrics,
        AuthProxySidecar => SidecarKind.AuthProxy,
        ServiceMeshSidecar => SidecarKind.ServiceMesh,
        ConfigWatcherSidecar => SidecarKind.ConfigWatcher,
        TlsTerminationSidecar => SidecarKind.TlsTermination,
        _ => SidecarKind.Custom,
    };
}
