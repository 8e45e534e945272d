using System.Linq;
using SidecarGen.Model;

namespace SidecarGen.Pod;

/// <summary>
/// The resolved service: every default applied, every sidecar built and wired into the traffic
/// chain. The writers render only this. <paramref name="Host"/> is the public host name, routed as
/// <paramref name="AddOns"/> say. <paramref name="Callers"/> are the services declared to call
/// this one (in a system); when there are any, only they reach its entry port. With
/// <paramref name="Autoscaling"/>, an autoscaler decides how many Pods run, not <paramref name="Replicas"/>.
/// </summary>
internal sealed record ServicePlan(
    string Name,
    string? Version,
    string? Namespace,
    int Replicas,
    ContainerSpec App,
    EquatableArray<SidecarSpec> Sidecars,
    EntryPoint Entry,
    bool NativeSidecars,
    bool Kubernetes,
    bool Compose,
    string? Host,
    ClusterAddOns AddOns,
    EquatableArray<string> Callers = default,
    AutoscalingSpec? Autoscaling = null)
{
    /// <summary>What the app speaks on its port (<c>Protocol</c>).</summary>
    public ServiceProtocol Protocol { get; init; }

    /// <summary>The network the plan was made for: where the services it calls are reached (none known built alone).</summary>
    public ServiceNetwork Network { get; init; } = ServiceNetwork.Standalone;

    /// <summary>The most Pods that may run: the autoscaler's maximum, else <see cref="Replicas"/>.</summary>
    public int MostPods => Autoscaling?.MaxReplicas ?? Replicas;

    /// <summary>The sidecars whose containers SidecarGen runs: every one but those the cluster injects (a mesh's proxy).</summary>
    public System.Collections.Generic.IEnumerable<SidecarSpec> Running => System.Linq.Enumerable.Where(Sidecars, sidecar => !sidecar.Injected);

    /// <summary>
    /// The app itself is the Pod's entry: it listens on every interface. When false, a sidecar SidecarGen runs
    /// is, and the app listens on loopback only (<see cref="AppListener"/>).
    /// </summary>
    public bool AppIsEntry => Entry.ContainerName == App.Name;

    /// <summary>The Pod's entry hop speaks TLS (a TLS terminator, a mesh sidecar with mutual TLS): whoever calls it must too.</summary>
    public bool EntryTls => Sidecars.Any(sidecar => sidecar.Name == Entry.ContainerName && sidecar.InboundTls);
}
