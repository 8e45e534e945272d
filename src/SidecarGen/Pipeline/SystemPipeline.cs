using System.Collections.Generic;
using System.Linq;
using SidecarGen.Emit;
using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Systems;

namespace SidecarGen.Pipeline;

/// <summary>
/// A system's steps, in order: its services read from their descriptions → the system's own checks →
/// each service through <see cref="ServicePipeline"/> alone (which says where its entry is) → the
/// networks → each service through <see cref="ServicePipeline"/> again for each output's network →
/// write. Every plan that is written has been checked; nothing is written while an error stands.
/// </summary>
internal static class SystemPipeline
{
    // The generator and the system's analyzer check the same system in one compilation; this does it once.
    private static readonly LastResult<SystemDeclaration, SystemResult> Last = new(CheckNew);

    public static EmbeddedManifests Render(SystemDeclaration system)
    {
        var result = Check(system);
        return result.Plans is { } plans
            ? ManifestEmbedding.Generated(SystemFiles.Write(system, plans), HostPorts.Summary(system.Name, plans.HostPorts))
            : ManifestEmbedding.Blocked(result.Errors);
    }

    public static SystemResult Check(SystemDeclaration system) => Last.Of(system);

    private static SystemResult CheckNew(SystemDeclaration system)
    {
        var services = SystemService.Of(system);
        var findings = new SystemFindings(SystemRules.Check(system, services));
        if (findings.HasErrors)
        {
            return new SystemResult(findings.Items, null);
        }

        // Each service alone, under the system's settings: its own build reports these findings, so only
        // its errors are the system's business, and they stop the system too.
        var alone = new List<PipelineResult>();
        foreach (var service in services)
        {
            var result = ServicePipeline.Check(service.Declaration, service.Settings);
            findings.AddRange(service, result.Errors);
            alone.Add(result);
        }

        if (findings.HasErrors)
        {
            return new SystemResult(findings.Items, null);
        }

        var alonePlans = alone.Select(result => result.Plan!).ToList();
        var networks = SystemNetworks.Of(services, alonePlans);
        var kubernetes = PlanEach(services, alone, networks.Kubernetes, findings);
        var compose = PlanEach(services, alone, networks.Compose, findings);
        return new SystemResult(
            findings.Items,
            findings.HasErrors ? null : new SystemPlans(kubernetes, compose, networks.Calls, HostPorts.Assign(alonePlans)));
    }

    /// <summary>
    /// Each service planned and checked for <paramref name="network"/>. A finding that its plan alone did
    /// not have is the system's to report: only the system's build can see it.
    /// </summary>
    private static EquatableArray<ServicePlan> PlanEach(IReadOnlyList<SystemService> services, List<PipelineResult> alone, ServiceNetwork network, SystemFindings findings)
    {
        var plans = new List<ServicePlan>();
        for (var i = 0; i < services.Count; i++)
        {
            var result = ServicePipeline.Check(services[i].Declaration, services[i].Settings, network);
            findings.AddRange(services[i], result.Findings.Where(finding => !alone[i].Findings.Contains(finding)));
            if (result.Plan is { } plan)
            {
                plans.Add(plan);
            }
        }

        return plans.ToEquatableArray();
    }
}
