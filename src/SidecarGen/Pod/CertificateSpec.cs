using SidecarGen.Model;

namespace SidecarGen.Pod;

/// <summary>
/// A cert-manager Certificate that writes the TLS Secret a sidecar mounts. <paramref name="Issuer"/> is
/// the issuer's kind (<c>ClusterIssuer</c> or <c>Issuer</c>) and name; <paramref name="ClientAuth"/> adds
/// the client-auth usage for a sidecar that also presents the certificate as a client (mutual TLS).
/// </summary>
internal sealed record CertificateSpec(QualifiedName Issuer, string SecretName, bool ClientAuth);
