using System.Collections.Generic;
using System.Linq;
using SidecarGen.Emit;
using SidecarGen.Emit.Compose;
using SidecarGen.Emit.Kubernetes;
using SidecarGen.Model;
using SidecarGen.Pod;

namespace SidecarGen.Systems;

/// <summary>
/// A system's files, from its checked plans: <c>kubernetes/kustomization.yaml</c> over one folder per
/// service (each the service's own kustomization, written by the single-service writers) and one
/// Compose project of every service.
/// </summary>
internal static class SystemFiles
{
    public static IEnumerable<ManifestFile> Write(SystemDeclaration system, SystemPlans plans)
    {
        var files = new List<ManifestFile>();
        if (system.Settings.Kubernetes)
        {
            files.AddRange(Kubernetes(system.Settings, plans.Kubernetes));
        }

        if (system.Settings.Compose)
        {
            files.AddRange(ComposeWriter.Write(system.Name, plans.Compose.Select((plan, i) => new ComposeService(plan, plans.HostPorts[i].Port, StartOrder.WaitsFor(plan.Name, plans.Calls))).ToList()));
        }

        return files;
    }

    private static IEnumerable<ManifestFile> Kubernetes(BuildSettings settings, IReadOnlyList<ServicePlan> plans)
    {
        foreach (var plan in plans)
        {
            foreach (var file in KubernetesManifests.Write(plan, withNamespace: false))
            {
                yield return file with { Path = KubernetesManifests.Folder + plan.Name + "/" + file.Path.Substring(KubernetesManifests.Folder.Length) };
            }
        }

        // One Namespace for the whole system, which each service's folder then leaves out.
        var resources = plans.Select(plan => plan.Name).ToList();
        if (settings.Namespace is { } ns)
        {
            yield return new ManifestFile(KubernetesManifests.Folder + NamespaceWriter.FileName, NamespaceWriter.Write(ns, plans));
            resources.Insert(0, NamespaceWriter.FileName);
        }

        yield return new ManifestFile(
            KubernetesManifests.Folder + KustomizationWriter.FileName,
            KustomizationWriter.Write(settings.Namespace, resources));
    }
}
