using System.Collections.Generic;
using System.Linq;
using SidecarGen.Emit.Compose;
using SidecarGen.Emit.Kubernetes;
using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Validation;

namespace SidecarGen.Emit;

/// <summary>Checks the project's service and renders its files unless an error stands.</summary>
internal static class ManifestRenderer
{
    public static EmbeddedManifests Render(ServiceDeclaration? declaration, BuildSettings settings)
    {
        if (declaration is null)
        {
            return EmbeddedManifests.None;
        }

        var result = ServiceValidator.Validate(declaration, settings);
        return result.Plan is { } plan
            ? ManifestEmbedding.Generated(Files(plan))
            : ManifestEmbedding.Blocked(result.Findings.Where(finding => finding.IsError));
    }

    public static IEnumerable<ManifestFile> Files(ServicePlan plan)
    {
        var kubernetes = plan.Kubernetes ? KubernetesManifests.Write(plan) : Enumerable.Empty<ManifestFile>();
        var compose = plan.Compose ? ComposeWriter.Write(plan) : Enumerable.Empty<ManifestFile>();
        return kubernetes.Concat(compose);
    }
}
