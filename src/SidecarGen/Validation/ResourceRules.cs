using System;
using System.Linq;
using SidecarGen.Model;
using SidecarGen.Planning;
using SidecarGen.Sidecars;

namespace SidecarGen.Validation;

/// <summary>SCG0006 (quantities, request within limit) and SCG0010 (sidecars outweigh the app).</summary>
internal static class ResourceRules
{
    public static void Check(ValidationContext context)
    {
        Quantities(context, context.ServiceOrdinal, context.Service);
        foreach (var sidecar in context.Declaration.Sidecars)
        {
            Quantities(context, sidecar.Ordinal, sidecar.Arguments);
        }

        if (!context.Findings.Any(finding => finding.RuleId == RuleIds.InvalidQuantity))
        {
            Budget(context);
        }
    }

    private static void Quantities(ValidationContext context, int ordinal, AttributeArguments arguments)
    {
        foreach (var (request, limit, parse) in new (string, string, Func<string?, long?>)[]
        {
            ("CpuRequest", "CpuLimit", Planning.Quantities.CpuMillis),
            ("MemoryRequest", "MemoryLimit", Planning.Quantities.MemoryBytes),
        })
        {
            var requested = Parse(context, ordinal, arguments, request, parse);
            var limited = Parse(context, ordinal, arguments, limit, parse);
            if (requested > limited)
            {
                context.Report(RuleIds.InvalidQuantity, ordinal, request, $"{request} {arguments.GetString(request)} exceeds {limit} {arguments.GetString(limit)}");
            }
        }
    }

    private static long? Parse(ValidationContext context, int ordinal, AttributeArguments arguments, string argument, Func<string?, long?> parse)
    {
        if (arguments.GetString(argument) is not { } text)
        {
            return null;
        }

        var value = parse(text);
        if (value is null or 0)
        {
            context.Report(RuleIds.InvalidQuantity, ordinal, argument, $"{argument} '{text}' is not a positive Kubernetes quantity");
        }

        return value;
    }

    /// <summary>Sidecars are helpers: together they should not need more than the app they serve.</summary>
    private static void Budget(ValidationContext context)
    {
        var app = CommonSettings.Resources(context.Service, ServicePlanner.AppResources);
        var sidecars = context.Declaration.Sidecars.Select(s => CommonSettings.Resources(s.Arguments, CommonSettings.DefaultResources)).ToList();
        if (sidecars.Count == 0)
        {
            return;
        }

        var cpu = sidecars.Sum(r => Planning.Quantities.CpuMillis(r.CpuRequest) ?? 0);
        var memory = sidecars.Sum(r => Planning.Quantities.MemoryBytes(r.MemoryRequest) ?? 0);
        if (cpu > Planning.Quantities.CpuMillis(app.CpuRequest))
        {
            context.Report(RuleIds.SidecarsOutweighApp, context.ServiceOrdinal, context.Declaration.Service is null ? null : "CpuRequest", $"The sidecars together request {cpu}m CPU, more than the app's {app.CpuRequest}");
        }

        if (memory > Planning.Quantities.MemoryBytes(app.MemoryRequest))
        {
            context.Report(RuleIds.SidecarsOutweighApp, context.ServiceOrdinal, context.Declaration.Service is null ? null : "MemoryRequest", $"The sidecars together request {memory / (1 << 20)}Mi memory, more than the app's {app.MemoryRequest}");
        }
    }
}
