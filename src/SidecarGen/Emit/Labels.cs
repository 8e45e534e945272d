using System.Collections.Generic;
using SidecarGen.Pod;

namespace SidecarGen.Emit;

/// <summary>The recommended <c>app.kubernetes.io/*</c> labels, and the subset that selects the Pods.</summary>
internal static class Labels
{
    public const string ManagedBy = "SidecarGen";
    public const string Component = "app.kubernetes.io/component";
    public const string Server = "server";
    public const string Metrics = "metrics";

    public static IEnumerable<KeyValue> Selector(ServicePlan plan) => PodLabels.Selector(plan.Name);

    /// <summary>Every label; <paramref name="component"/> tells the app's objects from the metrics Service.</summary>
    public static IEnumerable<KeyValue> All(ServicePlan plan, string component = Server)
    {
        foreach (var label in Selector(plan))
        {
            yield return label;
        }

        if (VersionLabel(plan.Version) is { } version)
        {
            yield return new KeyValue("app.kubernetes.io/version", version);
        }

        yield return new KeyValue(Component, component);
        yield return new KeyValue("app.kubernetes.io/managed-by", ManagedBy);
    }

    /// <summary>A label value is at most 63 characters of [A-Za-z0-9._-]; a version that is not one is left out.</summary>
    private static string? VersionLabel(string? version)
    {
        if (version is not { Length: > 0 and <= 63 })
        {
            return null;
        }

        foreach (var c in version)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '.' or '_' or '-'))
            {
                return null;
            }
        }

        return char.IsLetterOrDigit(version[0]) && char.IsLetterOrDigit(version[version.Length - 1]) ? version : null;
    }
}
