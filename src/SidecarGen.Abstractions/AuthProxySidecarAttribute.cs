using System;
using System.Diagnostics;

namespace SidecarGen;

/// <summary>
/// oauth2-proxy in front of the app: every inbound request is authenticated against the OIDC
/// issuer before it is forwarded to the app on <c>localhost</c>.
/// </summary>
/// <remarks>
/// The client id, client secret and cookie secret never come from source: only from the
/// Kubernetes Secret / Compose secret named <see cref="SecretName"/>, keys <c>client-id</c>,
/// <c>client-secret</c> and <c>cookie-secret</c>. Create it before deploying.
/// </remarks>
/// <example>
/// <code>
/// [AuthProxySidecar(IssuerUrl = "https://login.example.com/realms/shop", SecretName = "order-auth")]
/// partial class Program;
/// </code>
/// </example>
// The generator reads this attribute from source; [Conditional] keeps it out of the compiled assembly unless SIDECARGEN_KEEP_ATTRIBUTES is defined.
[Conditional("SIDECARGEN_KEEP_ATTRIBUTES")]
[SidecarConcern(SidecarConcerns.Authentication)]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class AuthProxySidecarAttribute : SidecarAttribute
{
    /// <summary>Declares an auth proxy sidecar named <c>auth-proxy</c> with oauth2-proxy's default pinned image.</summary>
    public AuthProxySidecarAttribute()
        : base("auth-proxy")
    {
    }

    /// <summary>The port the proxy listens on; the Service and the Compose published port point here. Default 4180.</summary>
    public int Port { get; set; } = 4180;

    /// <summary>The oauth2-proxy provider. Default <c>oidc</c>.</summary>
    public string Provider { get; set; } = "oidc";

    /// <summary>The OIDC issuer, an absolute https URL (SCG0013). Default: none.</summary>
    public string? IssuerUrl { get; set; }

    /// <summary>The e-mail domains allowed in. Default (null): any (<c>*</c>).</summary>
    public string[]? EmailDomains { get; set; }

    /// <summary>
    /// The Secret holding <c>client-id</c>, <c>client-secret</c> and <c>cookie-secret</c>.
    /// Default (null): <c>&lt;service&gt;-auth-proxy</c>.
    /// </summary>
    public string? SecretName { get; set; }
}
