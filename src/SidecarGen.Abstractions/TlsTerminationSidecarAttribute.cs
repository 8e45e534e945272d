using System;
using System.Diagnostics;

namespace SidecarGen;

/// <summary>
/// An unprivileged TLS-terminating proxy (nginx) in front of the app: HTTPS on <see cref="Port"/>,
/// plain HTTP to the next hop on <c>localhost</c>, certificate from the Secret <see cref="TlsSecretName"/>.
/// </summary>
/// <example>
/// <code>
/// [TlsTerminationSidecar(Port = 8443, TlsSecretName = "payments-tls")]
/// partial class Program;
/// </code>
/// </example>
// The generator reads this attribute from source; [Conditional] keeps it out of the compiled assembly unless SIDECARGEN_KEEP_ATTRIBUTES is defined.
[Conditional("SIDECARGEN_KEEP_ATTRIBUTES")]
[SidecarConcern(SidecarConcerns.TlsTermination)]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class TlsTerminationSidecarAttribute : SidecarAttribute
{
    /// <summary>Declares a TLS termination sidecar named <c>tls-termination</c> with nginx's default pinned image.</summary>
    public TlsTerminationSidecarAttribute()
        : base("tls-termination")
    {
    }

    /// <summary>The HTTPS port. Default 8443.</summary>
    public int Port { get; set; } = 8443;

    /// <summary>The Secret holding <c>tls.crt</c> and <c>tls.key</c>. Default (null): <c>&lt;service&gt;-tls</c>.</summary>
    public string? TlsSecretName { get; set; }

    /// <summary>
    /// A cert-manager issuer that writes the Secret <see cref="TlsSecretName"/> through a <c>Certificate</c>:
    /// <c>"name"</c> for a <c>ClusterIssuer</c>, <c>"Issuer/name"</c> for an <c>Issuer</c> in the service's
    /// namespace. Default (null): you create the Secret.
    /// </summary>
    public string? CertificateIssuer { get; set; }
}
