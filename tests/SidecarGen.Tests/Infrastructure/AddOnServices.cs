namespace SidecarGen.Tests.Infrastructure;

/// <summary>
/// Services with every cluster add-on switched on: the source (Host, certificate issuers, and every
/// sidecar that reads a Secret or serves metrics) and the MSBuild properties of each variant.
/// </summary>
internal static class AddOnServices
{
    public const string Host = "orders.example.com";
    public const string Namespace = "shop";

    /// <summary>TLS termination with an Issuer, the mesh with a ClusterIssuer, the auth proxy's and Splunk's Secrets, two metrics endpoints.</summary>
    public static readonly string Source = Sources.Program(
        $"SidecarService(\"orders\", Image = \"registry.example.com/orders:1.0.0\", Host = \"{Host}\")",
        "LoggingSidecar(Output = LogOutput.Splunk, Endpoint = \"https://splunk.example.com:8088\")",
        "AuthProxySidecar(IssuerUrl = \"https://login.example.com/realms/shop\", SecretName = \"orders-auth\")",
        "MetricsSidecar",
        "TlsTerminationSidecar(CertificateIssuer = \"Issuer/cluster-ca\")",
        "ServiceMeshSidecar(CertificateIssuer = \"mesh-ca\")");

    /// <summary>A Gateway, a PodMonitor and a ClusterSecretStore.</summary>
    public static Dictionary<string, string> Gateway() => new()
    {
        ["SidecarGenNamespace"] = Namespace,
        ["SidecarGenPrometheus"] = "PodMonitor",
        ["SidecarGenGateway"] = "gateway-system/public",
        ["SidecarGenSecretStore"] = "ClusterSecretStore/vault",
    };

    /// <summary>An Ingress, a ServiceMonitor and a namespaced SecretStore.</summary>
    public static Dictionary<string, string> Ingress() => new()
    {
        ["SidecarGenNamespace"] = Namespace,
        ["SidecarGenPrometheus"] = "ServiceMonitor",
        ["SidecarGenIngressClass"] = "nginx",
        ["SidecarGenIngressNamespace"] = "ingress-nginx",
        ["SidecarGenSecretStore"] = "SecretStore/team-secrets",
    };

    public static readonly TheoryData<string> Variants = new() { nameof(Gateway), nameof(Ingress) };

    public static Dictionary<string, string> Properties(string variant) => variant == nameof(Gateway) ? Gateway() : Ingress();
}
