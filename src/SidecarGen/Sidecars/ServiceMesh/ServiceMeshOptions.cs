using System.Linq;
using SidecarGen.Model;

namespace SidecarGen.Sidecars.ServiceMesh;

/// <summary><c>[ServiceMeshSidecar]</c> read into typed data; each <c>Upstreams</c> entry is parsed here, once.</summary>
internal sealed record ServiceMeshOptions(
    CommonOptions Common,
    MeshProvider Mesh,
    int InboundPort,
    int AdminPort,
    bool Mtls,
    string? TlsSecretName,
    string? CertificateIssuer,
    QualifiedName? Issuer,
    int MaxConnections,
    int MaxPendingRequests,
    int Retries,
    int TimeoutSeconds,
    EquatableArray<UpstreamEntry> Upstreams) : SidecarOptions(Common)
{
    public static ServiceMeshOptions Read(ServiceMeshSidecarAttribute attribute) => new(
        CommonOptions.Read(attribute),
        attribute.Mesh,
        attribute.InboundPort,
        attribute.AdminPort,
        attribute.Mtls,
        attribute.TlsSecretName,
        attribute.CertificateIssuer,
        CertificateIssuers.Parse(attribute.CertificateIssuer),
        attribute.MaxConnections,
        attribute.MaxPendingRequests,
        attribute.Retries,
        attribute.TimeoutSeconds,
        (attribute.Upstreams ?? System.Array.Empty<string>()).Select(text => new UpstreamEntry(text, MeshUpstream.Parse(text))).ToEquatableArray());
}

/// <summary>One <c>Upstreams</c> item as written, and what it names when it is <c>name=host:port</c>.</summary>
internal sealed record UpstreamEntry(string Text, MeshUpstream? Upstream);
