using SidecarGen.Model;

namespace SidecarGen.Sidecars;

/// <summary>
/// What a kind that joins the Pod to a service mesh adds to the kind contract: the mutual TLS its
/// entry requires of callers, and the certificates the app's calls present through it. A system's
/// checks ask these of every kind that has them (SCG0019).
/// </summary>
internal interface IMeshKind
{
    /// <summary>The mesh whose client certificates the sidecar requires of callers (mutual TLS on the Pod's entry); null when it admits callers without one.</summary>
    MeshProvider? RequiredClientCertificate(SidecarOptions options);

    /// <summary>The app's calls to <paramref name="callee"/> present a client certificate of <paramref name="mesh"/>, thanks to this sidecar.</summary>
    bool PresentsClientCertificate(SidecarOptions options, string callee, MeshProvider mesh);
}
