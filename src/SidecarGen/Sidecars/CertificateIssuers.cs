using System;
using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Rules;

namespace SidecarGen.Sidecars;

/// <summary>
/// <c>CertificateIssuer</c>, shared by the sidecars that mount a TLS Secret: <c>"name"</c> is a
/// cert-manager <c>ClusterIssuer</c>, <c>"Issuer/name"</c> an <c>Issuer</c> in the service's namespace
/// (<c>"ClusterIssuer/name"</c> says the default explicitly).
/// </summary>
internal static class CertificateIssuers
{
    public const string ClusterIssuer = "ClusterIssuer";
    public const string Issuer = "Issuer";

    /// <summary>The issuer's kind and name, or null when <paramref name="text"/> is unset or not one of the forms above.</summary>
    public static QualifiedName? Parse(string? text)
    {
        if (text is not { Length: > 0 })
        {
            return null;
        }

        var reference = text.IndexOf('/') < 0 ? new QualifiedName(ClusterIssuer, text) : QualifiedName.Parse(text);
        return reference is { Qualifier: ClusterIssuer or Issuer } && TextChecks.IsDnsSubdomain(reference.Name) ? reference : null;
    }

    /// <summary>
    /// The names cert-manager's documentation and the ACME CAs' own guides give their issuers; a name
    /// SidecarGen cannot place says nothing about its kind, so it is not reported.
    /// </summary>
    private static readonly string[] AcmeNames = { "letsencrypt", "lets-encrypt", "zerossl", "buypass" };

    /// <summary>
    /// SCG0025 at the property when it is set but names no issuer; SCG0041 when the name is an ACME CA's,
    /// which never signs the in-cluster names the Certificate is for (a bare <c>orders</c>, <c>.svc</c> names).
    /// </summary>
    public static void Check(AttributeFindings findings, string property, string? text, QualifiedName? issuer)
    {
        if (text is not null && issuer is null)
        {
            findings.Report(
                RuleIds.InvalidIssuer,
                property,
                $"{property} '{text}' is not a cert-manager issuer: write \"name\" for a ClusterIssuer or \"Issuer/name\" for an Issuer, the name a lowercase DNS name");
        }
        else if (issuer is not null && Array.Exists(AcmeNames, name => issuer.Name.IndexOf(name, StringComparison.Ordinal) >= 0))
        {
            findings.Report(
                RuleIds.AcmeIssuerForClusterNames,
                property,
                $"{property} '{text}' names an ACME issuer, which signs only public names: the certificate is for the Service's in-cluster names, so the order fails. Name a cluster CA issuer (CA, Vault or self-signed); the public Host gets its certificate at your gateway or ingress controller");
        }
    }

    /// <summary>The Certificate for the Secret that <paramref name="mounted"/> reads, when an issuer is named.</summary>
    public static CertificateSpec? For(QualifiedName? issuer, SecretFileSpec mounted, bool clientAuth) =>
        issuer is null ? null : new CertificateSpec(issuer, mounted.Secret.SecretName, clientAuth);
}
