using System.Collections.Generic;
using System.Linq;
using SidecarGen.Model;
using SidecarGen.Planning;

namespace SidecarGen.Validation;

/// <summary>
/// Checks a declared service against the rules of SPEC §5 that its attributes decide. The generator
/// writes nothing while an error stands; the analyzers report every finding at its argument.
/// </summary>
internal static class ServiceValidator
{
    public static IReadOnlyList<Finding> Validate(ServiceDeclaration declaration, BuildSettings settings) => Check(declaration, settings).Findings;

    /// <summary>The planned Pod, or null while an error stands: one planning serves the check and the files.</summary>
    public static ServicePlan? PlanIfValid(ServiceDeclaration declaration, BuildSettings settings) =>
        Check(declaration, settings) is { Plan: { } plan } context && !context.Findings.Any(finding => finding.IsError) ? plan : null;

    private static ValidationContext Check(ServiceDeclaration declaration, BuildSettings settings)
    {
        var context = new ValidationContext(declaration, settings);
        RenderRules.Check(context);
        NameRules.Check(context);
        PortRules.CheckRanges(context);
        ResourceRules.Check(context);
        SecurityRules.Check(context);
        ConcernRules.Check(context);
        PlatformRules.Check(context);

        // The merged picture (every container's ports) is only meaningful for input the planner accepts.
        if (!context.Findings.Any(finding => finding.IsError))
        {
            PortRules.CheckCollisions(context);
        }

        return context;
    }
}
