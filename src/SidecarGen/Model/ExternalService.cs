namespace SidecarGen.Model;

/// <summary>
/// An item of <c>ExternalServices</c>, <c>name=url</c>: a service this one calls that no system of
/// SidecarGen plans (built and deployed elsewhere), and the address it is reached at.
/// </summary>
internal sealed record ExternalService(string Service, string Url)
{
    public static ExternalService Parse(string item)
    {
        var equals = item.IndexOf('=');
        return equals < 0 ? new ExternalService(item, string.Empty) : new ExternalService(item.Substring(0, equals), item.Substring(equals + 1));
    }
}
