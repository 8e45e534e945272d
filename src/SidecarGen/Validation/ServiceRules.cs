using System;
using SidecarGen.Rules;

namespace SidecarGen.Validation;

/// <summary>The checks on <c>[SidecarService]</c> itself: its port (SCG0009), image (SCG0005), replicas and health path (SCG0016).</summary>
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

        if (!service.HealthPath.StartsWith("/", StringComparison.Ordinal))
        {
            findings.Report(RuleIds.CannotRender, nameof(SidecarServiceAttribute.HealthPath), $"{nameof(SidecarServiceAttribute.HealthPath)} '{service.HealthPath}' must start with '/'");
        }
    }
}
