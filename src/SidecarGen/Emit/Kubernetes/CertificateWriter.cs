using System.Collections.Generic;
using SidecarGen.Pod;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>
/// certificate-&lt;secret&gt;.yaml (<c>CertificateIssuer</c>): cert-manager writes <c>tls.crt</c>, <c>tls.key</c>
/// and, when the issuer is a CA, <c>ca.crt</c> into the Secret a sidecar mounts, for the Service's
/// in-cluster names, and renews it before it expires. The public <c>Host</c> is not among them: the
/// gateway or ingress controller serves it and reaches the Pod by the Service, and an ACME issuer, the
/// one that signs public names, refuses an order that also holds in-cluster ones (SCG0041).
/// </summary>
internal static class CertificateWriter
{
    public static string FileName(CertificateSpec certificate) => "certificate-" + certificate.SecretName + ".yaml";

    public static string Write(ServicePlan plan, CertificateSpec certificate)
    {
        var yaml = Metadata.Begin(plan, "cert-manager.io/v1", "Certificate", certificate.SecretName);
        yaml.BeginMap("spec")
            .Pair("secretName", certificate.SecretName)
            .BeginMap("issuerRef")
            .Pair("name", certificate.Issuer.Name)
            .Pair("kind", certificate.Issuer.Qualifier)
            .Pair("group", "cert-manager.io")
            .EndMap()
            .BeginSequence("dnsNames");
        foreach (var name in DnsNames(plan))
        {
            yaml.String(name);
        }

        yaml.EndSequence().BeginSequence("usages").String("digital signature").String("key encipherment").String("server auth");
        if (certificate.ClientAuth)
        {
            yaml.String("client auth");
        }

        return yaml.EndSequence().EndMap().EndMap().Finish();
    }

    /// <summary>The names clients in the cluster use: the Service's short and, with a namespace, its qualified names.</summary>
    private static IEnumerable<string> DnsNames(ServicePlan plan)
    {
        yield return plan.Name;
        if (plan.Namespace is { } ns)
        {
            yield return plan.Name + "." + ns;
            yield return plan.Name + "." + ns + ".svc";
            yield return plan.Name + "." + ns + ".svc.cluster.local";
        }
    }
}
