using System;
using System.Linq;
using SidecarGen.Model;
using SidecarGen.Planning;
using SidecarGen.Pod;
using SidecarGen.Rules;
using SidecarGen.Sidecars;

namespace SidecarGen.Validation;

/// <summary>SCG0006 (quantities, request within limit) and SCG0010 (sidecars outweigh the app).</summary>
internal static class ResourceRules
{
    public static void Check(ValidationContext context)
    {
        Quantities(context.ServiceFindings, context.Service.Resources);
        foreach (var sidecar in context.Declaration.Sidecars)
        {
            Quantities(context.Findings.For(sidecar.Ordinal), sidecar.Options.Common.Resources);
        }

        if (!context.Findings.Has(RuleIds.InvalidQuantity))
        {
            Budget(context);
        }
    }

    private static void Quantities(AttributeFindings findings, ResourceOptions resources)
    {
        Pair(findings, nameof(SidecarAttribute.CpuRequest), resources.CpuRequest, nameof(SidecarAttribute.CpuLimit), resources.CpuLimit, Pod.Quantities.CpuMillis);
        Pair(findings, nameof(SidecarAttribute.MemoryRequest), resources.MemoryRequest, nameof(SidecarAttribute.MemoryLimit), resources.MemoryLimit, Pod.Quantities.MemoryBytes);
    }

    private static void Pair(AttributeFindings findings, string request, string? requestText, string limit, string? limitText, Func<string?, long?> parse)
    {
        var requested = Parse(findings, request, requestText, parse);
        var limited = Parse(findings, limit, limitText, parse);
        if (requested > limited)
        {
            findings.Report(RuleIds.InvalidQuantity, request, $"{request} {requestText} exceeds {limit} {limitText}");
        }
    }

    private static long? Parse(AttributeFindings findings, string property, string? text, Func<string?, long?> parse)
    {
        if (text is null)
        {
            return null;
        }

        var value = parse(text);
        if (value is null or 0)
        {
            findings.Report(RuleIds.InvalidQuantity, property, $"{property} '{text}' is not a positive Kubernetes quantity");
        }

        return value;
    }

    /// <summary>Sidecars are helpers: together they should not need more than the app they serve.</summary>
    private static void Budget(ValidationContext context)
    {
        var app = ResourceSpec.Of(context.Service.Resources, ServicePlanner.AppResources);
        // An injected mesh proxy counts only with the resources its attribute gives it; the mesh's own defaults are not known here.
        var sidecars = context.Declaration.Sidecars.Select(s => SidecarKinds.Of(s).Requests(s.Options)).ToList();
        if (sidecars.Count == 0)
        {
            return;
        }

        var cpu = sidecars.Sum(r => Pod.Quantities.CpuMillis(r.CpuRequest) ?? 0);
        var memory = sidecars.Sum(r => Pod.Quantities.MemoryBytes(r.MemoryRequest) ?? 0);
        var declared = context.Declaration.Service is not null;
        if (cpu > Pod.Quantities.CpuMillis(app.CpuRequest))
        {
            context.ServiceFindings.Report(RuleIds.SidecarsOutweighApp, declared ? nameof(SidecarServiceAttribute.CpuRequest) : null, $"The sidecars together request {cpu}m CPU, more than the app's {app.CpuRequest}");
        }

        if (memory > Pod.Quantities.MemoryBytes(app.MemoryRequest))
        {
            context.ServiceFindings.Report(RuleIds.SidecarsOutweighApp, declared ? nameof(SidecarServiceAttribute.MemoryRequest) : null, $"The sidecars together request {memory / (1 << 20)}Mi memory, more than the app's {app.MemoryRequest}");
        }
    }
}
