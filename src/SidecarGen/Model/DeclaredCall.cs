namespace SidecarGen.Model;

/// <summary>
/// An item of <c>Calls</c>: <c>service</c>, or <c>Key=service</c> when the app reads the service's address
/// under a configuration key of its own (<c>IdentityUrl=identity-api</c>).
/// </summary>
internal sealed record DeclaredCall(string Service, string? Key)
{
    public static DeclaredCall Parse(string item)
    {
        var equals = item.IndexOf('=');
        return equals < 0 ? new DeclaredCall(item, null) : new DeclaredCall(item.Substring(equals + 1), item.Substring(0, equals));
    }
}
