using System.Collections.Generic;
using SidecarGen.Model;
using SidecarGen.Planning;
using SidecarGen.Sidecars;

namespace SidecarGen.Validation;

/// <summary>SCG0007: every container and Secret name Kubernetes will see is valid and unique in the Pod.</summary>
internal static class NameRules
{
    /// <summary>Volumes are named <c>&lt;sidecar&gt;-positions</c> and the like, and a volume name is a DNS label (63).</summary>
    public const int MaxSidecarName = 50;

    public static void Check(ValidationContext context)
    {
        var serviceName = ServicePlanner.ServiceName(context.Declaration, context.Settings);
        if (!TextChecks.IsDnsLabel(serviceName))
        {
            context.Report(RuleIds.InvalidName, context.ServiceOrdinal, "Name", $"The service name '{serviceName}' is not a DNS-1123 label (lowercase letters, digits and '-', at most 63)");
        }

        var names = new HashSet<string> { serviceName };
        foreach (var sidecar in context.Declaration.Sidecars)
        {
            var name = SidecarName(sidecar);
            if (!TextChecks.IsDnsLabel(name) || name.Length > MaxSidecarName)
            {
                context.Report(RuleIds.InvalidName, sidecar.Ordinal, "Name", $"The sidecar name '{name}' is not a DNS-1123 label of at most {MaxSidecarName} characters (lowercase letters, digits and '-'; the sidecar's volumes are named after it)");
            }
            else if (!names.Add(name))
            {
                context.Report(RuleIds.InvalidName, sidecar.Ordinal, "Name", $"Another container of the Pod is already named '{name}'");
            }

            foreach (var secret in new[] { "SecretName", "TlsSecretName" })
            {
                if (sidecar.Arguments.GetString(secret) is { } value && !TextChecks.IsDnsSubdomain(value))
                {
                    context.Report(RuleIds.InvalidName, sidecar.Ordinal, secret, $"{secret} '{value}' is not a valid Kubernetes Secret name");
                }
            }
        }
    }

    /// <summary>The name the sidecar's container gets: as written, else its kind's default.</summary>
    public static string SidecarName(SidecarDeclaration sidecar) =>
        sidecar.Arguments.GetString("Name") ?? SidecarCatalog.DefaultName(sidecar.Kind);
}
