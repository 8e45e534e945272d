using SidecarGen.Model;

namespace SidecarGen.Sidecars.AuthProxy;

/// <summary><c>[AuthProxySidecar]</c> read into typed data.</summary>
internal sealed record AuthProxyOptions(
    CommonOptions Common,
    int Port,
    string Provider,
    string? IssuerUrl,
    EquatableArray<string> EmailDomains,
    string? SecretName) : SidecarOptions(Common)
{
    private static readonly AuthProxySidecarAttribute Defaults = new();

    public static AuthProxyOptions Read(AuthProxySidecarAttribute attribute) => new(
        CommonOptions.Read(attribute),
        attribute.Port,
        attribute.Provider is { Length: > 0 } provider ? provider : Defaults.Provider,
        attribute.IssuerUrl,
        EquatableArray.From(attribute.EmailDomains),
        attribute.SecretName);
}
