using SidecarGen.Model;
using SidecarGen.Pod;

namespace SidecarGen.Systems;

/// <summary>A system's checked plans, per output, in the order of its services; its calls; and the host port published for each service.</summary>
internal sealed record SystemPlans(
    EquatableArray<ServicePlan> Kubernetes,
    EquatableArray<ServicePlan> Compose,
    EquatableArray<Call> Calls,
    EquatableArray<HostPort> HostPorts);
