using SidecarGen.Model;
using SidecarGen.Planning;
using SidecarGen.Sidecars;

namespace SidecarGen.Validation;

/// <summary>
/// Checks a declared service against the rules of SPEC §5, in one direction: the options as read,
/// then, if they hold, the Pod planned from them. The generator writes the plan only while no error
/// stands; the analyzers report every finding at its argument.
/// </summary>
internal static class ServiceValidator
{
    private static readonly LastResult<Input, ValidationResult> Last = new(input => ValidateNew(input.Declaration, input.Settings));

    public static ValidationResult Validate(ServiceDeclaration declaration, BuildSettings settings) => Last.Of(new Input(declaration, settings));

    private static ValidationResult ValidateNew(ServiceDeclaration declaration, BuildSettings settings)
    {
        var context = new ValidationContext(declaration, settings);
        ServiceRules.Check(context);
        foreach (var sidecar in declaration.Sidecars)
        {
            CommonRules.Check(context, sidecar);
            SidecarKinds.Of(sidecar).Check(sidecar.Options, context.Findings.For(sidecar.Ordinal));
        }

        NameRules.Check(context);
        ResourceRules.Check(context);
        ConcernRules.Check(context);
        PlatformRules.Check(context);
        AddOnRules.Check(context);
        AutoscalingRules.Check(context);

        // The Pod as a whole (every container's ports, mounts and variables) is only meaningful for input the planner accepts.
        if (context.Findings.HasErrors)
        {
            return new ValidationResult(context.Findings.Items.ToEquatableArray(), null);
        }

        var plan = ServicePlanner.Plan(declaration, settings);
        PodRules.Check(context, plan);
        AddOnRules.Check(context, plan);
        AutoscalingRules.Check(context, plan);
        return new ValidationResult(context.Findings.Items.ToEquatableArray(), context.Findings.HasErrors ? null : plan);
    }

    private sealed record Input(ServiceDeclaration Declaration, BuildSettings Settings);
}
