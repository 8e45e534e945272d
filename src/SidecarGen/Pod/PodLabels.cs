using System.Collections.Generic;

namespace SidecarGen.Pod;

/// <summary>The labels that select a service's Pods: its Deployment, Service and NetworkPolicy use them, and so may a sidecar's own objects.</summary>
internal static class PodLabels
{
    public static IEnumerable<KeyValue> Selector(string serviceName)
    {
        yield return new KeyValue("app.kubernetes.io/name", serviceName);
        yield return new KeyValue("app.kubernetes.io/instance", serviceName);
    }
}
