using System.Collections.Generic;
using System.Linq;
using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Rules;

namespace SidecarGen.Sidecars.ServiceMesh;

/// <summary>
/// One provider of the mesh sidecar (<see cref="MeshProvider"/>): what it plans for the Pod and the
/// checks only it needs. <see cref="ServiceMeshSidecar"/> hands every step to the provider the
/// attribute names; each provider's knowledge stays in its own file or folder.
/// </summary>
internal abstract class MeshProxy
{
    public static MeshProxy For(MeshProvider provider) => provider switch
    {
        MeshProvider.Istio => Istio.IstioMesh.Instance,
        MeshProvider.Linkerd => Linkerd.LinkerdMesh.Instance,
        _ => EnvoyMesh.Instance,
    };

    public abstract SidecarSpec Plan(ServiceMeshOptions options, SidecarContext context);

    /// <summary>
    /// The app's calls to <paramref name="callee"/> present a client certificate: an injected proxy
    /// intercepts every call and speaks the mesh's mutual TLS to any meshed service.
    /// </summary>
    public virtual bool PresentsClientCertificate(ServiceMeshOptions options, string callee) => true;

    /// <summary>The single-port properties the provider uses.</summary>
    public virtual IEnumerable<PortProperty> Ports(ServiceMeshOptions options) => Enumerable.Empty<PortProperty>();

    /// <summary>Properties the provider does not use (SCG0020 when written).</summary>
    public virtual IEnumerable<IgnoredProperty> Ignored(ServiceMeshOptions options) => Enumerable.Empty<IgnoredProperty>();

    /// <summary>What the proxy requests in the Pod; null for a container of SidecarGen's own, sized like every sidecar.</summary>
    public virtual ResourceOptions? Requests(ServiceMeshOptions options) => null;

    public virtual void Check(ServiceMeshOptions options, AttributeFindings findings)
    {
    }

    public virtual void CheckPod(ServiceMeshOptions options, ServicePlan plan, AttributeFindings findings)
    {
    }
}
