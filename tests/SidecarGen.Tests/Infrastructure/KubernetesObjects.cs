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

    public static T Load<T>(string yaml) => Assert.IsType<T>(Load(yaml)[0]);

    public static V1Deployment Deployment(GeneratedOutput output) => Load<V1Deployment>(output["kubernetes/deployment.yaml"]);
}
