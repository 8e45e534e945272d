using System.Collections.Generic;
using SidecarGen.Pod;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>
/// certificate-&lt;secret&gt;.yaml (<c>CertificateIssuer</c>): cert-manager writes <c>tls.crt</c>, <c>tls.key</c>
/// and, when the issuer is a CA, <c>ca.crt</c> into the Secret a sidecar mounts, for the Service's
/// in-cluster names and the public <c>Host</c>, and renews it before it expires.
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

    /// <summary>The names clients use: the Service's short and, with a namespace, its qualified names; then <c>Host</c>.</summary>
    private static IEnumerable<string> DnsNames(ServicePlan plan)
    {
        yield return plan.Name;
        if (plan.Namespace is { } ns)
        {
            yield return plan.Name + "." + ns;
            yield return plan.Name + "." + ns + ".svc";
            yield return plan.Name + "." + ns + ".svc.cluster.local";
        }

        if (plan.Host is { } host)
        {
            yield return host;
        }
    }
}
