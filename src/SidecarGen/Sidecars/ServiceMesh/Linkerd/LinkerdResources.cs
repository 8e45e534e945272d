using System.Collections.Generic;
using System.Linq;
using SidecarGen.Pod;

namespace SidecarGen.Sidecars.ServiceMesh.Linkerd;

/// <summary>
/// Linkerd's policy resources (policy.linkerd.io) for a service a system declares callers of, with
/// <c>Mtls</c>: a Server for the Pod's entry port, a MeshTLSAuthentication naming the callers' service
/// accounts, and an AuthorizationPolicy tying the two, so that port admits only those callers. A
/// Server without HTTPRoutes keeps authorizing the kubelet's probes (Linkerd's default routes).
/// </summary>
internal static class LinkerdResources
{
    /// <summary>v1beta2: served by every Linkerd from 2.15, so by the 2.16 SidecarGen requires.</summary>
    private const string Server = "policy.linkerd.io/v1beta2";
    private const string Policy = "policy.linkerd.io/v1alpha1";
    private const string Group = "policy.linkerd.io";

    /// <summary>The resources for <paramref name="service"/>, whose entry is <paramref name="entryPort"/>; none without callers or mutual TLS.</summary>
    public static IEnumerable<ObjectSpec> For(ServiceMeshOptions options, string service, int entryPort, IReadOnlyList<string> callers)
    {
        if (!options.Mtls || callers.Count == 0)
        {
            yield break;
        }

        yield return new ObjectSpec("linkerd-server.yaml", Server, "Server", service, ObjectSpec.Spec(
            SpecField.Of("podSelector", PodLabels.MatchLabels(service)),
            SpecField.Of("port", entryPort)));

        // The callers' service accounts, in this namespace (an identityRef without one means its own).
        yield return new ObjectSpec("linkerd-meshtlsauthentication.yaml", Policy, "MeshTLSAuthentication", service, ObjectSpec.Spec(
            SpecField.Of("identityRefs", SpecNode.Sequence(callers.Select(caller => SpecNode.Map(
                SpecField.Of("kind", "ServiceAccount"),
                SpecField.Of("name", ServiceAccounts.Of(caller))))))));

        yield return new ObjectSpec("linkerd-authorizationpolicy.yaml", Policy, "AuthorizationPolicy", service, ObjectSpec.Spec(
            SpecField.Of("targetRef", Reference("Server", service)),
            SpecField.Of("requiredAuthenticationRefs", SpecNode.Sequence(Reference("MeshTLSAuthentication", service)))));
    }

    private static SpecNode Reference(string kind, string name) =>
        SpecNode.Map(SpecField.Of("group", Group), SpecField.Of("kind", kind), SpecField.Of("name", name));
}
