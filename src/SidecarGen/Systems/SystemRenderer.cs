using System.Collections.Generic;
using System.Linq;
using SidecarGen.Emit;
using SidecarGen.Emit.Compose;
using SidecarGen.Emit.Kubernetes;
using SidecarGen.Pod;

namespace SidecarGen.Systems;

/// <summary>
/// A system's files: <c>kubernetes/kustomization.yaml</c> over one folder per service (each the
/// service's own kustomization, written by the single-service writers) and one Compose project of every
/// service. Nothing is written while a system check or a service's own check fails.
/// </summary>
internal static class SystemRenderer
{
    public static EmbeddedManifests Render(SystemDeclaration system)
    {
        var services = SystemService.Of(system);
        var errors = SystemRules.Check(system).Select(finding => finding.Finding).Where(finding => finding.IsError).ToList();
        if (errors.Count > 0)
        {
            return ManifestEmbedding.Blocked(errors);
        }

        if (SystemPlanner.Plan(services, out var serviceErrors) is not { } plans)
        {
            return ManifestEmbedding.Blocked(serviceErrors);
        }

        var files = new List<ManifestFile>();
        if (system.Settings.Kubernetes)
        {
            files.AddRange(Kubernetes(system, plans.Kubernetes));
        }

        if (system.Settings.Compose)
        {
            files.AddRange(ComposeWriter.Write(system.Name, plans.Compose.Select((plan, i) => new ComposeService(plan, plans.HostPorts[i].Port, StartOrder.WaitsFor(plan.Name, plans.Calls))).ToList()));
        }

        return ManifestEmbedding.Generated(files, HostPorts.Summary(system.Name, plans.HostPorts));
    }

    private static IEnumerable<ManifestFile> Kubernetes(SystemDeclaration system, IReadOnlyList<ServicePlan> plans)
    {
        foreach (var plan in plans)
        {
            foreach (var file in KubernetesManifests.Write(plan))
            {
                yield return file with { Path = KubernetesManifests.Folder + plan.Name + "/" + file.Path.Substring(KubernetesManifests.Folder.Length) };
            }
        }

        yield return new ManifestFile(
            KubernetesManifests.Folder + KustomizationWriter.FileName,
            KustomizationWriter.Write(system.Settings.Namespace, plans.Select(plan => plan.Name)));
    }
}
