using k8s;
using k8s.Models;

namespace SidecarGen.Tests.Infrastructure;

/// <summary>
/// Reads generated Kubernetes files back with KubernetesClient, strictly: an unknown field fails.
/// KubernetesClient has no types for the custom resources of the add-ons and the meshes; they are
/// read with their metadata typed and their spec as data, and their spec is checked against their
/// CRDs (<see cref="CustomResourceSchemas"/>, and the npm schemas of KubernetesOpenApiTests).
/// </summary>
internal static class KubernetesObjects
{
    private static readonly string[] CustomResourceGroups =
    {
        "monitoring.coreos.com/", "cert-manager.io/", "gateway.networking.k8s.io/", "external-secrets.io/", "networking.istio.io/", "security.istio.io/", "keda.sh/",
    };

    public static IReadOnlyList<object> Load(string yaml)
    {
        IReadOnlyList<object> objects = IsCustomResource(yaml)
            ? new object[] { KubernetesYaml.Deserialize<CustomResource>(yaml, strict: true) }
            : KubernetesYaml.LoadAllFromString(yaml, strict: true);
        Assert.Single(objects);
        return objects;
    }

    /// <summary>An object of an add-on's CRD (Prometheus Operator, cert-manager, Gateway API, External Secrets, KEDA) or a mesh's (Istio).</summary>
    public static bool IsCustomResource(string yaml) =>
        (string?)YamlJson.Parse(yaml)["apiVersion"] is { } apiVersion
        && CustomResourceGroups.Any(group => apiVersion.StartsWith(group, StringComparison.Ordinal));

    public static T Load<T>(string yaml) => Assert.IsType<T>(Load(yaml)[0]);

    public static V1Deployment Deployment(GeneratedOutput output) => Load<V1Deployment>(output["kubernetes/deployment.yaml"]);
}

/// <summary>A custom resource: typed metadata, the spec as data.</summary>
internal sealed class CustomResource : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "";

    public string Kind { get; set; } = "";

    public V1ObjectMeta Metadata { get; set; } = new();

    public Dictionary<string, object> Spec { get; set; } = new();
}
