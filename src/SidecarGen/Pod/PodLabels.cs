using System.Collections.Generic;
using System.Linq;

namespace SidecarGen.Pod;

/// <summary>The labels that select a service's Pods: its Deployment, Service and NetworkPolicy use them, and so may a sidecar's own objects.</summary>
internal static class PodLabels
{
    public static IEnumerable<KeyValue> Selector(string serviceName)
    {
        yield return new KeyValue("app.kubernetes.io/name", serviceName);
        yield return new KeyValue("app.kubernetes.io/instance", serviceName);
    }

    /// <summary>The selector as a sidecar's object writes it: <c>matchLabels</c> of <see cref="Selector"/>.</summary>
    public static SpecNode MatchLabels(string serviceName) =>
        SpecNode.Map(SpecField.Of("matchLabels", SpecNode.Map(Selector(serviceName).Select(label => SpecField.Of(label.Key, label.Value)))));
}
