using SidecarGen.Pod;
using SidecarGen.Sidecars;

namespace SidecarGen.Validation;

/// <summary>
/// The rules of SPEC §5 as pure checks, in two groups: on the options as read, and on a planned Pod.
/// <see cref="Pipeline.ServicePipeline"/> decides when each runs; nothing here plans or writes.
/// </summary>
internal static class ServiceValidator
{
    public static void CheckOptions(ValidationContext context)
    {
        ServiceRules.Check(context);
        foreach (var sidecar in context.Declaration.Sidecars)
        {
            CommonRules.Check(context, sidecar);
            SidecarKinds.Of(sidecar).Check(sidecar.Options, context.Findings.For(sidecar.Ordinal));
        }

        NameRules.Check(context);
        CallRules.Check(context);
        ResourceRules.Check(context);
        ConcernRules.Check(context);
        PlatformRules.Check(context);
        AddOnRules.Check(context);
        AutoscalingRules.Check(context);
        ProtocolRules.Check(context);
    }

    public static void CheckPlan(ValidationContext context, ServicePlan plan)
    {
        PodRules.Check(context, plan);
        AddOnRules.Check(context, plan);
        AutoscalingRules.Check(context, plan);
    }
}
