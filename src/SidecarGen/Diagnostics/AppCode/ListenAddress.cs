using System;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace SidecarGen.Diagnostics.AppCode;

/// <summary>
/// One address the app's code tells Kestrel to listen on, where it says so and how (<paramref name="How"/>,
/// the call's name): a port (null when unknown) on every interface or on loopback only (null when unknown).
/// </summary>
internal sealed record ListenAddress(int? Port, bool? Loopback, Location Location, string How)
{
    /// <summary>
    /// A URL as Kestrel binds it (AddressBinder.ParseAddress): <c>localhost</c>, <c>*.localhost</c> and
    /// loopback addresses bind loopback only, any other host every interface; no port means the
    /// scheme's. Null where the text is not such a URL (a Unix socket, a named pipe).
    /// </summary>
    public static ListenAddress? OfUrl(string url, Location location, string how)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return null;
        }

        var scheme = url.Substring(0, schemeEnd).ToLowerInvariant();
        var authority = url.Substring(schemeEnd + 3);
        var slash = authority.IndexOf('/');
        authority = slash < 0 ? authority : authority.Substring(0, slash);
        if (scheme is not ("http" or "https") || authority.Length == 0 || authority.StartsWith("unix:", StringComparison.OrdinalIgnoreCase) || authority.StartsWith("pipe:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var close = authority.LastIndexOf(']');
        var colon = authority.LastIndexOf(':');
        var host = colon > close ? authority.Substring(0, colon) : authority;
        int? port = colon > close
            ? int.TryParse(authority.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null
            : scheme == "https" ? 443 : 80;
        return new ListenAddress(port, IsLoopbackHost(host.Trim('[', ']')), location, how);
    }

    public static bool IsLoopbackHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || host.StartsWith("127.", StringComparison.Ordinal)
        || host == "::1";
}
