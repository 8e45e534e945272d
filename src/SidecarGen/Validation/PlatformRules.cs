using SidecarGen.Planning;
using SidecarGen.Rules;

namespace SidecarGen.Validation;

/// <summary>SCG0014: a target Kubernetes without native sidecars.</summary>
internal static class PlatformRules
{
    public static void Check(ValidationContext context)
    {
        if (!context.Declaration.Sidecars.IsEmpty && !ServicePlanner.SupportsNativeSidecars(context.Settings.KubernetesVersion))
        {
            context.Report(
                RuleIds.NoNativeSidecars,
                context.Declaration.Sidecars[0].Ordinal,
                null,
                $"SidecarGenKubernetesVersion {context.Settings.KubernetesVersion} has no native sidecars: they become ordinary containers and start with the app, not before it");
        }
    }
}
