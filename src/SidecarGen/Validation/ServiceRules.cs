using System;
using SidecarGen.Rules;

namespace SidecarGen.Validation;

/// <summary>The checks on <c>[SidecarService]</c> itself: its port (SCG0009), image (SCG0005), replicas and probe paths (SCG0016).</summary>
internal static class ServiceRules
{
    public static void Check(ValidationContext context)
    {
        var service = context.Service;
        var findings = context.ServiceFindings;
        CommonRules.Image(findings, service.Image, defaultImage: null);
        CommonRules.PortRange(findings, nameof(SidecarServiceAttribute.Port), service.Port, null);
        if (service.Replicas < 0)
        {
            findings.Report(RuleIds.CannotRender, nameof(SidecarServiceAttribute.Replicas), $"{nameof(SidecarServiceAttribute.Replicas)} must be 0 or more");
        }

        ProbePath(findings, nameof(SidecarServiceAttribute.HealthPath), service.HealthPath);
        if (service.LivenessPath != service.HealthPath)
        {
            ProbePath(findings, nameof(SidecarServiceAttribute.LivenessPath), service.LivenessPath);
        }
    }

    private static void ProbePath(AttributeFindings findings, string property, string path)
    {
        if (!path.StartsWith("/", StringComparison.Ordinal))
        {
            findings.Report(RuleIds.CannotRender, property, $"{property} '{path}' must start with '/'");
        }
    }
}
