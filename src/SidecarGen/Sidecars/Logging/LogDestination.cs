using System;
using System.Globalization;

namespace SidecarGen.Sidecars.Logging;

/// <summary>Where a log agent ships to, from <c>Output</c> and the endpoint URL read once into the options.</summary>
internal sealed record LogDestination(LogOutput Kind, string Host, int Port, bool Tls, string Path)
{
    public static LogDestination Of(LogOutput kind, Uri? endpoint)
    {
        if (kind == LogOutput.Stdout || endpoint is not { } uri)
        {
            // A missing or bad endpoint is SCG0013; the generator writes nothing while it stands.
            return new LogDestination(LogOutput.Stdout, string.Empty, 0, false, string.Empty);
        }

        var tls = uri.Scheme == Uri.UriSchemeHttps;
        var port = uri.IsDefaultPort ? DefaultPort(kind, tls) : uri.Port;
        return new LogDestination(kind, uri.Host, port, tls, uri.AbsolutePath);
    }

    public string PortText => Port.ToString(CultureInfo.InvariantCulture);

    public string Url => (Tls ? "https://" : "http://") + Host + ":" + PortText;

    /// <summary>
    /// The endpoint's path without its trailing slash, empty for none or <c>/</c>: the prefix the
    /// backend is served under (behind a reverse proxy), which each output puts before its own API path.
    /// </summary>
    public string PathPrefix => Path.TrimEnd('/');

    /// <summary>The well-known port of each backend when the endpoint URL names none.</summary>
    private static int DefaultPort(LogOutput kind, bool tls) => kind switch
    {
        LogOutput.Elasticsearch => 9200,
        LogOutput.Splunk => 8088,
        LogOutput.Loki => 3100,
        _ => tls ? 443 : 80,
    };
}
