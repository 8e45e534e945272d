using k8s;
using k8s.Models;

namespace SidecarGen.Tests.Infrastructure;

/// <summary>Reads generated Kubernetes files back with KubernetesClient, strictly: an unknown field fails.</summary>
internal static class KubernetesObjects
{
    public static IReadOnlyList<object> Load(string yaml)
    {
        var objects = KubernetesYaml.LoadAllFromString(yaml, strict: true);
        Assert.Single(objects);
        return objects;
    }

    /// <summary>An object of an add-on's CRD (Prometheus Operator, cert-manager, Gateway API, External Secrets), which KubernetesClient cannot read.</summary>
    public static bool IsCustomResource(string yaml) =>
        (string?)YamlJson.Parse(yaml)["apiVersion"] is { } apiVersion
        && new[] { "monitoring.coreos.com/", "cert-manager.io/", "gateway.networking.k8s.io/", "external-secrets.io/" }.Any(group => apiVersion.StartsWith(group, StringComparison.Ordinal));

    public static T Load<T>(string yaml) => Assert.IsType<T>(Load(yaml)[0]);

    public static V1Deployment Deployment(GeneratedOutput output) => Load<V1Deployment>(output["kubernetes/deployment.yaml"]);
}
