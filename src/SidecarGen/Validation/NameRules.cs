using System.Collections.Generic;
using SidecarGen.Planning;
using SidecarGen.Pod;
using SidecarGen.Rules;

namespace SidecarGen.Validation;

/// <summary>SCG0007: the service and container names Kubernetes will see are valid and unique in the Pod.</summary>
internal static class NameRules
{
    /// <summary>Volumes are named <c>&lt;sidecar&gt;-positions</c> and the like, and a volume name is a DNS label (63).</summary>
    public const int MaxSidecarName = 50;

    public static void Check(ValidationContext context)
    {
        var serviceName = ServicePlanner.ServiceName(context.Declaration, context.Settings);
        if (!TextChecks.IsDnsLabel(serviceName))
        {
            context.ServiceFindings.Report(RuleIds.InvalidName, nameof(SidecarServiceAttribute.Name), $"The service name '{serviceName}' is not a DNS-1123 label (lowercase letters, digits and '-', at most 63)");
        }

        var names = new HashSet<string> { serviceName, ProbeTools.InstallerName };
        foreach (var sidecar in context.Declaration.Sidecars)
        {
            var name = sidecar.Name;
            var findings = context.Findings.For(sidecar.Ordinal);
            if (!TextChecks.IsDnsLabel(name) || name.Length > MaxSidecarName)
            {
                findings.Report(RuleIds.InvalidName, nameof(SidecarAttribute.Name), $"The sidecar name '{name}' is not a DNS-1123 label of at most {MaxSidecarName} characters (lowercase letters, digits and '-'; the sidecar's volumes are named after it)");
            }
            else if (ComposeNames.IsReserved(name))
            {
                findings.Report(RuleIds.InvalidName, nameof(SidecarAttribute.Name), $"The sidecar name '{name}' is reserved: Compose names its own helper service '<service>-{name}'");
            }
            else if (!names.Add(name))
            {
                findings.Report(RuleIds.InvalidName, nameof(SidecarAttribute.Name), $"Another container of the Pod is already named '{name}'");
            }
        }
    }
}
