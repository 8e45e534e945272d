using System.Globalization;
using SidecarGen.Rules;

namespace SidecarGen.Sidecars.ServiceMesh;

/// <summary>
/// One <c>Upstreams</c> entry, <c>"name=host:port"</c>: a service the app calls through a local egress listener.
/// <paramref name="Protocol"/> is what it speaks, known only for a service of the system (else HTTP/1.1).
/// </summary>
internal sealed record MeshUpstream(string Name, string Host, int Port, ServiceProtocol Protocol = ServiceProtocol.Http)
{
    public static MeshUpstream? Parse(string text)
    {
        var equals = text.IndexOf('=');
        var colon = text.LastIndexOf(':');
        if (equals <= 0 || colon <= equals + 1 || colon == text.Length - 1)
        {
            return null;
        }

        var name = text.Substring(0, equals);
        var host = text.Substring(equals + 1, colon - equals - 1);
        return int.TryParse(text.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port is > 0 and <= 65535
            && TextChecks.IsDnsLabel(name)
            && TextChecks.IsDnsSubdomain(host)
            ? new MeshUpstream(name, host, port)
            : null;
    }
}
