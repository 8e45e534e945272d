using SidecarGen.Model;
using SidecarGen.Pod;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>
/// externalsecret-&lt;secret&gt;.yaml (SidecarGenSecretStore): External Secrets Operator creates and refreshes
/// a Secret the Pod reads from the store, one key per key the containers read. The store holds one entry
/// named like the Secret, with one property per key.
/// </summary>
internal static class ExternalSecretWriter
{
    public static string FileName(SecretUse secret) => "externalsecret-" + secret.SecretName + ".yaml";

    public static string Write(ServicePlan plan, QualifiedName store, SecretUse secret)
    {
        var yaml = Metadata.Begin(plan, "external-secrets.io/v1", "ExternalSecret", secret.SecretName);
        yaml.BeginMap("spec")
            .Pair("refreshInterval", "1h")
            .BeginMap("secretStoreRef").Pair("kind", store.Qualifier).Pair("name", store.Name).EndMap()
            .BeginMap("target").Pair("name", secret.SecretName).Pair("creationPolicy", "Owner").EndMap()
            .BeginSequence("data");
        foreach (var key in secret.Keys)
        {
            yaml.BeginMap()
                .Pair("secretKey", key)
                .BeginMap("remoteRef").Pair("key", secret.SecretName).Pair("property", key).EndMap()
                .EndMap();
        }

        return yaml.EndSequence().EndMap().EndMap().Finish();
    }
}
