using System.Collections.Generic;
using System.Linq;
using SidecarGen.Model;
using SidecarGen.Pod;

namespace SidecarGen.Systems;

/// <summary>
/// Where each service of a system is reached, per output: at its Kubernetes Service (port 80) in one,
/// at its entry hop on the shared Compose network in the other (known from the service planned alone,
/// as are whether that hop speaks TLS and what the service speaks: the Service forwards to the same hop); both know who calls whom.
/// </summary>
internal sealed record SystemNetworks(ServiceNetwork Kubernetes, ServiceNetwork Compose, EquatableArray<Call> Calls)
{
    /// <param name="services">The system's services.</param>
    /// <param name="alone">Each service's plan on its own, in the same order.</param>
    public static SystemNetworks Of(IReadOnlyList<SystemService> services, IReadOnlyList<ServicePlan> alone)
    {
        var names = new HashSet<string>(services.Select(service => service.Name));
        var calls = services
            .SelectMany(service => ServiceCall.Of(service).Select(call => new Call(service.Name, call.Callee)))
            .Where(call => names.Contains(call.Callee))
            .Distinct()
            .ToEquatableArray();
        return new SystemNetworks(
            new ServiceNetwork(alone.Select(plan => new Peer(plan.Name, plan.Name, ServiceNetwork.ServicePort, plan.EntryTls, plan.Protocol)).ToEquatableArray(), calls),
            new ServiceNetwork(alone.Select(plan => new Peer(plan.Name, ComposeHost(plan), plan.Entry.Port, plan.EntryTls, plan.Protocol)).ToEquatableArray(), calls),
            calls);
    }

    /// <summary>On the Compose network a service is reached at the Compose service that holds its network namespace.</summary>
    private static string ComposeHost(ServicePlan plan) => plan.App.Name;
}
