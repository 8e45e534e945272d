namespace SidecarGen;

/// <summary>Who provides the proxy of a <see cref="ServiceMeshSidecarAttribute"/>.</summary>
public enum MeshProvider
{
    /// <summary>SidecarGen's own Envoy container with a static configuration, in Kubernetes and in Compose. The default.</summary>
    Envoy = 0,

    /// <summary>
    /// Istio injects its proxy: the Pod template asks for injection and the settings become Istio
    /// resources (VirtualService, DestinationRule, PeerAuthentication) beside the Deployment.
    /// </summary>
    Istio = 1,

    /// <summary>
    /// Linkerd injects its proxy: the Pod template asks for injection and the settings become the
    /// annotations Linkerd reads (retries and timeouts on the Service, inbound policy on the Pod).
    /// </summary>
    Linkerd = 2,
}
