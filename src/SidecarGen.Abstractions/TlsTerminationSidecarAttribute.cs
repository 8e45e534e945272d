using System;

namespace SidecarGen;

/// <summary>
/// An unprivileged TLS-terminating proxy in front of the app: HTTPS on <see cref="Port"/>, plain
/// HTTP to the next hop on <c>localhost</c>, certificate from the Secret <see cref="TlsSecretName"/>.
/// </summary>
[SidecarConcern(SidecarConcerns.TlsTermination)]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class TlsTerminationSidecarAttribute : SidecarAttribute
{
    /// <summary>Declares a TLS termination sidecar named <c>tls-termination</c>.</summary>
    public TlsTerminationSidecarAttribute()
        : base("tls-termination")
    {
    }

    /// <summary>The HTTPS port. Default 8443.</summary>
    public int Port { get; set; } = 8443;

    /// <summary>The Secret holding <c>tls.crt</c> and <c>tls.key</c>. Default <c>&lt;service&gt;-tls</c>.</summary>
    public string? TlsSecretName { get; set; }
}
