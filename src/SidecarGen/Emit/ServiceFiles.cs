using System.Collections.Generic;
using System.Linq;
using SidecarGen.Emit.Compose;
using SidecarGen.Emit.Kubernetes;
using SidecarGen.Pod;

namespace SidecarGen.Emit;

/// <summary>Every file of a service's own build, from its checked plan: the Kubernetes folder and the Compose file, as the settings ask.</summary>
internal static class ServiceFiles
{
    public static IEnumerable<ManifestFile> Write(ServicePlan plan)
    {
        var kubernetes = plan.Kubernetes ? KubernetesManifests.Write(plan) : Enumerable.Empty<ManifestFile>();
        var compose = plan.Compose ? ComposeWriter.Write(plan) : Enumerable.Empty<ManifestFile>();
        return kubernetes.Concat(compose);
    }
}
