using System.Collections.Generic;
using System.Linq;
using SidecarGen.Model;

namespace SidecarGen.Pod;

/// <summary>
/// A cert-manager Certificate that writes the TLS Secret a sidecar mounts. <paramref name="Issuer"/> is
/// the issuer's kind (<c>ClusterIssuer</c> or <c>Issuer</c>) and name; <paramref name="ClientAuth"/> adds
/// the client-auth usage for a sidecar that also presents the certificate as a client (mutual TLS).
/// </summary>
internal sealed record CertificateSpec(QualifiedName Issuer, string SecretName, bool ClientAuth)
{
    /// <summary>The Certificates the plan writes, one per Secret (client auth when any sidecar presents it as a client).</summary>
    public static IReadOnlyList<CertificateSpec> Of(ServicePlan plan) =>
        plan.Sidecars
            .Select(sidecar => sidecar.Certificate)
            .OfType<CertificateSpec>()
            .GroupBy(certificate => certificate.SecretName)
            .Select(group => group.First() with { ClientAuth = group.Any(certificate => certificate.ClientAuth) })
            .ToList();
}
