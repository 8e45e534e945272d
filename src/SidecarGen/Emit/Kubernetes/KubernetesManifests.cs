using System.Collections.Generic;
using System.Linq;
using SidecarGen.Pod;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>Every file of <c>deploy/kubernetes/</c> for one service.</summary>
internal static class KubernetesManifests
{
    public const string Folder = "kubernetes/";

    public static IEnumerable<ManifestFile> Write(ServicePlan plan)
    {
        var files = new List<ManifestFile>
        {
            new(DeploymentWriter.FileName, DeploymentWriter.Write(plan)),
            new(ServiceWriter.FileName, ServiceWriter.Write(plan)),
        };
        files.AddRange(plan.Sidecars
            .Where(sidecar => !sidecar.ConfigFiles.IsEmpty)
            .Select(sidecar => new ManifestFile(ConfigMapWriter.FileName(sidecar), ConfigMapWriter.Write(plan, sidecar))));
        files.AddRange(plan.Sidecars
            .SelectMany(sidecar => sidecar.Objects)
            .Select(spec => new ManifestFile(spec.FileName, ObjectWriter.Write(plan, spec))));
        if (plan.Replicas > 1)
        {
            files.Add(new(PodDisruptionBudgetWriter.FileName, PodDisruptionBudgetWriter.Write(plan)));
        }

        files.Add(new(NetworkPolicyWriter.FileName, NetworkPolicyWriter.Write(plan)));
        files.Add(new(KustomizationWriter.FileName, KustomizationWriter.Write(plan, files.Select(file => file.Path))));
        return files.Select(file => file with { Path = Folder + file.Path });
    }
}
