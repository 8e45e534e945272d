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

    private static readonly AuthProxySidecar AuthProxy = new();
    private static readonly TlsTerminationSidecar TlsTermination = new();
    private static readonly ServiceMeshSidecar ServiceMesh = new();

    public static readonly IReadOnlyList<SidecarKind> All = new SidecarKind[]
    {
        new LoggingSidecar(),
        new MetricsSidecar(),
        AuthProxy,
        ServiceMesh,
        new ConfigWatcherSidecar(),
        TlsTermination,
        Generic,
    };

    /// <summary>
    /// The kinds that take inbound traffic, innermost hop first: requests enter through the last one
    /// present and each forwards to the next one inward, the app last.
    /// </summary>
    public static readonly IReadOnlyList<SidecarKind> InboundChain = new SidecarKind[] { AuthProxy, TlsTermination, ServiceMesh };

    private static readonly Dictionary<string, SidecarKind> ByAttributeName = All.ToDictionary(kind => kind.AttributeType.Name, StringComparer.Ordinal);

    private static readonly Dictionary<Type, SidecarKind> ByOptions = All.ToDictionary(kind => kind.OptionsType);

    /// <summary>The built-in kind whose attribute class (in SidecarGen.Abstractions) has this metadata name.</summary>
    public static SidecarKind? OfAttribute(string metadataName) => ByAttributeName.TryGetValue(metadataName, out var kind) ? kind : null;

    public static SidecarKind Of(SidecarOptions options) => ByOptions[options.GetType()];

    public static SidecarKind Of(SidecarDeclaration sidecar) => Of(sidecar.Options);

    /// <summary>Where <paramref name="kind"/> sits in the <see cref="InboundChain"/>, from 1 innermost; 0 when it takes no inbound traffic.</summary>
    public static int TrafficRank(SidecarKind kind)
    {
        for (var i = 0; i < InboundChain.Count; i++)
        {
            if (InboundChain[i] == kind)
            {
                return i + 1;
            }
        }

        return 0;
    }
}
