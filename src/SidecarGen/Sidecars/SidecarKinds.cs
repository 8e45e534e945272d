using System;
using System.Collections.Generic;
using System.Linq;
using SidecarGen.Model;
using SidecarGen.Sidecars.AuthProxy;
using SidecarGen.Sidecars.ConfigWatcher;
using SidecarGen.Sidecars.Generic;
using SidecarGen.Sidecars.Logging;
using SidecarGen.Sidecars.Metrics;
using SidecarGen.Sidecars.ServiceMesh;
using SidecarGen.Sidecars.TlsTermination;

namespace SidecarGen.Sidecars;

/// <summary>
/// The one list of sidecar kinds. Reading, planning, the inbound chain, default images, the image
/// code fix and the tests all derive what they know of the kinds from here: a new kind is a folder
/// beside this file and one line below.
/// </summary>
internal static class SidecarKinds
{
    /// <summary><c>[Sidecar(name, image)]</c> and every user attribute derived from it.</summary>
    public static readonly GenericSidecar Generic = new();

    public static readonly IReadOnlyList<SidecarKind> All = new SidecarKind[]
    {
        new LoggingSidecar(),
        new MetricsSidecar(),
        new AuthProxySidecar(),
        new ServiceMeshSidecar(),
        new ConfigWatcherSidecar(),
        new TlsTerminationSidecar(),
        Generic,
    };

    private static readonly Dictionary<string, SidecarKind> ByAttributeName = All.ToDictionary(kind => kind.AttributeType.Name, StringComparer.Ordinal);

    private static readonly Dictionary<Type, SidecarKind> ByOptions = All.ToDictionary(kind => kind.OptionsType);

    /// <summary>The built-in kind whose attribute class (in SidecarGen.Abstractions) has this metadata name.</summary>
    public static SidecarKind? OfAttribute(string metadataName) => ByAttributeName.TryGetValue(metadataName, out var kind) ? kind : null;

    public static SidecarKind Of(SidecarOptions options) => ByOptions[options.GetType()];

    public static SidecarKind Of(SidecarDeclaration sidecar) => Of(sidecar.Options);
}
