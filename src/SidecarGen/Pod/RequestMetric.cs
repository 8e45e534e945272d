using System.Linq;
using SidecarGen.Model;

namespace SidecarGen.Pod;

/// <summary>
/// The Prometheus counter of the requests a sidecar sees come into the Pod, narrowed to this service's
/// Pods: what a request-rate trigger queries. Each kind states its own metric and labels.
/// </summary>
internal sealed record RequestMetric(string Metric, EquatableArray<LabelMatcher> Matchers)
{
    /// <summary>
    /// <paramref name="metric"/> narrowed by <paramref name="matchers"/> and, when the build names a namespace,
    /// <paramref name="namespaceLabel"/> = that namespace (without one, same-named Pods of every namespace count).
    /// </summary>
    public static RequestMetric Of(string metric, string namespaceLabel, string? @namespace, params LabelMatcher[] matchers) =>
        new(metric, (@namespace is null ? matchers : matchers.Append(new LabelMatcher(namespaceLabel, @namespace))).ToEquatableArray());

    /// <summary>The request counter of the first sidecar that has one, in declared order.</summary>
    public static RequestMetric? Of(ServicePlan plan) => plan.Sidecars.Select(sidecar => sidecar.Requests).FirstOrDefault(metric => metric is not null);

    /// <summary>A PromQL series selector: <c>metric{label="value",label=~"regex"}</c>.</summary>
    public string Selector => Metric + "{" + string.Join(",", Matchers.Select(matcher => matcher.ToString())) + "}";
}

/// <summary>One label matcher of a PromQL selector; values are DNS names and fixed patterns, which need no escaping.</summary>
internal sealed record LabelMatcher(string Label, string Value, bool Regex = false)
{
    public override string ToString() => Label + (Regex ? "=~\"" : "=\"") + Value + "\"";
}
