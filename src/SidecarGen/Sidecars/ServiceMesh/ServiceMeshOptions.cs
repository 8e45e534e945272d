using System.Collections.Generic;
using System.Linq;
using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Rules;

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
    /// <summary>The provider <see cref="Mesh"/> names, which every step of the kind hands its work to.</summary>
    public MeshProxy Proxy => MeshProxy.For(Mesh);

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
        (attribute.Upstreams ?? System.Array.Empty<string>()).Select(UpstreamEntry.Parse).ToEquatableArray());
}

/// <summary>The upstreams SidecarGen can reach: <c>name=host:port</c> as written, a service's name wherever the network has it.</summary>
internal static class MeshUpstreams
{
    public static IReadOnlyList<MeshUpstream> Resolve(ServiceMeshOptions options, ServiceNetwork network) =>
        options.Upstreams
            .Select(entry => entry.Upstream ?? (entry.Service is { } service && network.Resolve(service) is var peer ? new MeshUpstream(service, peer.Host, peer.Port, peer.Protocol) : null))
            .OfType<MeshUpstream>()
            .ToList();

    /// <summary>The app finds an upstream by SidecarGen's own variable and by service discovery's.</summary>
    public static IEnumerable<EnvVarSpec> AppEnv(MeshUpstream upstream, string url)
    {
        yield return EnvVarSpec.Literal(Naming.EnvironmentName("SIDECARGEN_UPSTREAM_" + upstream.Name), url);
        yield return EnvVarSpec.Literal(ServiceDiscovery.Variable(upstream.Name), url);
    }
}

/// <summary>
/// One <c>Upstreams</c> item as written, and what it names: <c>name=host:port</c> (<paramref name="Upstream"/>),
/// or just a service's name (<paramref name="Service"/>), reached wherever the build knows that service to be.
/// </summary>
internal sealed record UpstreamEntry(string Text, MeshUpstream? Upstream, string? Service)
{
    public static UpstreamEntry Parse(string text) =>
        TextChecks.IsDnsLabel(text) ? new(text, null, text) : new(text, MeshUpstream.Parse(text), null);

    /// <summary>The service name the app calls through this upstream, when the entry is readable.</summary>
    public string? Name => Upstream?.Name ?? Service;
}
