using System.Reflection;
using k8s;
using k8s.Models;

namespace SidecarGen.Tests.Infrastructure;

/// <summary>
/// Reads generated Kubernetes files back with KubernetesClient, strictly: an unknown field fails.
/// A mesh's own kinds (Istio's) are read with their metadata typed and their spec as data; the
/// OpenAPI tests check their spec against the CRD schemas.
/// </summary>
internal static class KubernetesObjects
{
    private static readonly string[] MeshKinds =
    {
        "networking.istio.io/v1/VirtualService",
        "networking.istio.io/v1/DestinationRule",
        "networking.istio.io/v1/ServiceEntry",
        "security.istio.io/v1/PeerAuthentication",
    };

    /// <summary>KubernetesClient's own map of the built-in kinds, plus the mesh's kinds.</summary>
    private static readonly Dictionary<string, Type> TypeMap = typeof(KubernetesEntityAttribute).Assembly.GetTypes()
        .Select(type => (Type: type, Entity: type.GetCustomAttribute<KubernetesEntityAttribute>()))
        .Where(t => t.Entity is not null && t.Type.Namespace == "k8s.Models")
        .GroupBy(t => (string.IsNullOrEmpty(t.Entity!.Group) ? "" : t.Entity.Group + "/") + t.Entity.ApiVersion + "/" + t.Entity.Kind)
        .ToDictionary(g => g.Key, g => g.First().Type)
        .Concat(MeshKinds.Select(kind => KeyValuePair.Create(kind, typeof(MeshObject))))
        .ToDictionary(p => p.Key, p => p.Value);

    public static IReadOnlyList<object> Load(string yaml)
    {
        var objects = KubernetesYaml.LoadAllFromString(yaml, TypeMap, strict: true);
        Assert.Single(objects);
        return objects;
    }

    public static T Load<T>(string yaml) => Assert.IsType<T>(Load(yaml)[0]);

    public static V1Deployment Deployment(GeneratedOutput output) => Load<V1Deployment>(output["kubernetes/deployment.yaml"]);
}

/// <summary>An object of a mesh's own kind: typed metadata, the spec as data.</summary>
internal sealed class MeshObject : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "";

    public string Kind { get; set; } = "";

    public V1ObjectMeta Metadata { get; set; } = new();

    public Dictionary<string, object> Spec { get; set; } = new();
}
