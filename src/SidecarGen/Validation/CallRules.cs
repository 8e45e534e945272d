using System.Linq;
using SidecarGen.Planning;
using SidecarGen.Rules;
using SidecarGen.Sidecars;

namespace SidecarGen.Validation;

/// <summary>
/// The services this one calls (<c>Calls</c>) and those outside the system it reaches at a URL
/// (<c>ExternalServices</c>): each name becomes a variable name and, in a system, a host name (SCG0007);
/// each key an environment variable the app reads (SCG0007); each URL an address (SCG0013).
/// </summary>
internal static class CallRules
{
    public static void Check(ValidationContext context)
    {
        var serviceName = ServicePlanner.ServiceName(context.Declaration, context.Settings);
        var findings = context.ServiceFindings;
        var calls = context.Service.Calls;
        for (var i = 0; i < calls.Count; i++)
        {
            var call = calls[i];
            if (call.Key is { } key && !IsConfigurationKey(key))
            {
                findings.Report(RuleIds.InvalidName, nameof(SidecarServiceAttribute.Calls), $"'{key}' in {nameof(SidecarServiceAttribute.Calls)} is not a configuration key the app can read from an environment variable (letters, digits, '_', '.' and ':' between sections)", i);
            }
            else if (!TextChecks.IsDnsLabel(call.Service))
            {
                findings.Report(RuleIds.InvalidName, nameof(SidecarServiceAttribute.Calls), $"'{call.Service}' in {nameof(SidecarServiceAttribute.Calls)} is not a service name (a DNS-1123 label)", i);
            }
            else if (calls.Take(i).Any(earlier => earlier.Service == call.Service) || call.Service == serviceName)
            {
                findings.Report(RuleIds.InvalidName, nameof(SidecarServiceAttribute.Calls), call.Service == serviceName ? $"The service '{serviceName}' calls itself" : $"'{call.Service}' is listed twice in {nameof(SidecarServiceAttribute.Calls)}", i);
            }
        }

        var externals = context.Service.ExternalServices;
        for (var i = 0; i < externals.Count; i++)
        {
            var external = externals[i];
            if (!TextChecks.IsDnsLabel(external.Service))
            {
                findings.Report(RuleIds.InvalidName, nameof(SidecarServiceAttribute.ExternalServices), $"'{external.Service}' in {nameof(SidecarServiceAttribute.ExternalServices)} is not a service name (a DNS-1123 label); write each item as name=url", i);
            }
            else if (externals.Take(i).Any(earlier => earlier.Service == external.Service) || external.Service == serviceName)
            {
                findings.Report(RuleIds.InvalidName, nameof(SidecarServiceAttribute.ExternalServices), external.Service == serviceName ? $"The service '{serviceName}' is not outside itself" : $"'{external.Service}' is listed twice in {nameof(SidecarServiceAttribute.ExternalServices)}", i);
            }
            else if (SidecarChecks.HttpUrl(external.Url) is null)
            {
                findings.Report(RuleIds.InvalidUrl, nameof(SidecarServiceAttribute.ExternalServices), $"'{external.Url}', the address of '{external.Service}' in {nameof(SidecarServiceAttribute.ExternalServices)}, is not an absolute http(s) URL; write each item as name=url", i);
            }
        }
    }

    /// <summary>
    /// A key of .NET configuration that an environment variable can carry: sections of letters, digits,
    /// '_' and '.', separated by ':' (the variable's name has '__' there). '=' ends the key in the item.
    /// </summary>
    private static bool IsConfigurationKey(string key) =>
        key.Split(':').All(section => section.Length > 0 && section.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '.'))
        && !char.IsDigit(key[0]);
}
