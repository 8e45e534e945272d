using System;

namespace SidecarGen;

/// <summary>
/// oauth2-proxy in front of the app: every inbound request is authenticated against the OIDC
/// issuer before it reaches the app on <c>localhost</c>. The client id, client secret and cookie
/// secret come only from the Secret <see cref="SecretName"/> (keys <c>client-id</c>,
/// <c>client-secret</c>, <c>cookie-secret</c>), never from source.
/// </summary>
/// <example>
/// <code>
/// [AuthProxySidecar(IssuerUrl = "https://login.example.com/realms/shop", SecretName = "order-auth")]
/// public partial class Program;
/// </code>
/// </example>
[SidecarConcern(SidecarConcerns.Authentication)]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class AuthProxySidecarAttribute : SidecarAttribute
{
    /// <summary>Declares an auth proxy sidecar named <c>auth-proxy</c>.</summary>
    public AuthProxySidecarAttribute()
        : base("auth-proxy")
    {
    }

    /// <summary>The port the proxy listens on; the Service and the Compose published port point here. Default 4180.</summary>
    public int Port { get; set; } = 4180;

    /// <summary>The oauth2-proxy provider. Default <c>oidc</c>.</summary>
    public string Provider { get; set; } = "oidc";

    /// <summary>The OIDC issuer, an absolute https URL (SCG0013).</summary>
    public string? IssuerUrl { get; set; }

    /// <summary>E-mail domains allowed in; null allows any (<c>*</c>).</summary>
    public string[]? EmailDomains { get; set; }

    /// <summary>The Secret holding <c>client-id</c>, <c>client-secret</c> and <c>cookie-secret</c>. Default <c>&lt;service&gt;-auth-proxy</c>.</summary>
    public string? SecretName { get; set; }
}
