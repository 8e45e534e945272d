using SidecarGen.Model;

namespace SidecarGen.Sidecars.TlsTermination;

/// <summary><c>[TlsTerminationSidecar]</c> read into typed data.</summary>
internal sealed record TlsTerminationOptions(CommonOptions Common, int Port, string? TlsSecretName, string? CertificateIssuer, QualifiedName? Issuer)
    : SidecarOptions(Common)
{
    public static TlsTerminationOptions Read(TlsTerminationSidecarAttribute attribute) =>
        new(CommonOptions.Read(attribute), attribute.Port, attribute.TlsSecretName, attribute.CertificateIssuer, CertificateIssuers.Parse(attribute.CertificateIssuer));
}
