using System.Collections.Generic;
using System.Linq;
using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Planning;
using SidecarGen.Rules;
using SidecarGen.Validation;

namespace SidecarGen.Systems;

/// <summary>
/// Plans every service of a system knowing the others: each output gets its own network, since a
/// service is reached at its Kubernetes Service (port 80) in one and at its entry hop on the shared
/// Compose network in the other; both know who calls whom.
/// </summary>
internal static class SystemPlanner
{
    /// <summary>The plans, or null while a service has an error of its own (its build reports it; <paramref name="errors"/> lists it).</summary>
    public static SystemPlans? Plan(IReadOnlyList<SystemService> services, out IReadOnlyList<Finding> errors)
    {
        var standalone = new List<ServicePlan>();
        var found = new List<Finding>();
        foreach (var service in services)
        {
            var result = ServiceValidator.Validate(service.Declaration, service.Settings);
            found.AddRange(result.Findings.Where(finding => finding.IsError));
            if (result.Plan is { } plan)
            {
                standalone.Add(plan);
            }
        }

        errors = found;
        if (found.Count > 0)
        {
            return null;
        }

        var names = new HashSet<string>(services.Select(service => service.Name));
        var calls = services
            .SelectMany(service => ServiceCall.Of(service).Select(call => new Call(service.Name, call.Callee)))
            .Where(call => names.Contains(call.Callee))
            .Distinct()
            .ToEquatableArray();
        var kubernetes = new ServiceNetwork(services.Select(service => new Peer(service.Name, service.Name, ServiceNetwork.ServicePort)).ToEquatableArray(), calls);
        var compose = new ServiceNetwork(standalone.Select(plan => new Peer(plan.Name, ComposeHost(plan), plan.Entry.Port)).ToEquatableArray(), calls);

        return new SystemPlans(
            services.Select(service => ServicePlanner.Plan(service.Declaration, service.Settings, kubernetes)).ToEquatableArray(),
            services.Select(service => ServicePlanner.Plan(service.Declaration, service.Settings, compose)).ToEquatableArray(),
            calls,
            HostPorts.Assign(standalone));
    }

    /// <summary>On the Compose network a service is reached at the Compose service that holds its network namespace.</summary>
    private static string ComposeHost(ServicePlan plan) => plan.App.Name;
}

/// <summary>A system's plans, per output, in the order of its services; its calls; and the host port published for each service.</summary>
internal sealed record SystemPlans(
    EquatableArray<ServicePlan> Kubernetes,
    EquatableArray<ServicePlan> Compose,
    EquatableArray<Call> Calls,
    EquatableArray<HostPort> HostPorts);
