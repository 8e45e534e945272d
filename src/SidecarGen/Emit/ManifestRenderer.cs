using System.Collections.Generic;
using System.Linq;
using SidecarGen.Emit.Compose;
using SidecarGen.Emit.Kubernetes;
using SidecarGen.Model;
using SidecarGen.Planning;
using SidecarGen.Validation;

namespace SidecarGen.Emit;

/// <summary>Chooses the project's service, checks it, and renders its files unless an error stands.</summary>
internal static class ManifestRenderer
{
    public static EmbeddedManifests Render(EquatableArray<ServiceDeclaration> declarations, BuildSettings settings)
    {
        // Attributes on any other class are ignored (SCG0008 says so).
        if (declarations.FirstOrDefault(declaration => declaration.IsEntryPoint) is not { } declaration)
        {
            return EmbeddedManifests.None;
        }

        // SCG0015: with two services there is no telling which one the manifests should describe.
        if (declarations.Count(candidate => candidate.Service is not null) > 1
            || ServiceValidator.Validate(declaration, settings).Any(finding => finding.IsError))
        {
            return ManifestEmbedding.Blocked();
        }

        return ManifestEmbedding.Generated(Files(ServicePlanner.Plan(declaration, settings)));
    }

    public static IEnumerable<ManifestFile> Files(ServicePlan plan)
    {
        var kubernetes = plan.Kubernetes ? KubernetesManifests.Write(plan) : Enumerable.Empty<ManifestFile>();
        var compose = plan.Compose ? ComposeWriter.Write(plan) : Enumerable.Empty<ManifestFile>();
        return kubernetes.Concat(compose);
    }
}
