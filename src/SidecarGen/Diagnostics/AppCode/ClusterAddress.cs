using System;
using SidecarGen.Rules;

namespace SidecarGen.Diagnostics.AppCode;

/// <summary>
/// The service of the cluster an address names, if it names one: a URL whose host is a single DNS
/// label (<c>http://pricing</c>, <c>https+http://pricing</c>, <c>https+http://_grpc.pricing</c> with
/// Microsoft.Extensions.ServiceDiscovery's endpoint prefix) or a Service's cluster name
/// (<c>pricing.shop.svc</c>, <c>pricing.shop.svc.cluster.local</c>); and the service a configuration key
/// <c>services:pricing:…</c> reads, as service discovery does. <c>localhost</c>, addresses and public
/// DNS names name none.
/// </summary>
internal static class ClusterAddress
{
    private const string ClusterSuffix = ".svc.cluster.local";
    private const string ServiceSuffix = ".svc";
    private const string ServicesSection = "services";

    /// <summary>The service the URL's host names, or null.</summary>
    public static string? ServiceOfUrl(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0 || !IsHttpScheme(url.Substring(0, schemeEnd)))
        {
            return null;
        }

        var authority = url.Substring(schemeEnd + 3);
        var end = authority.IndexOfAny(new[] { '/', '?', '#' });
        authority = end < 0 ? authority : authority.Substring(0, end);
        if (authority.IndexOf('@') >= 0 || authority.StartsWith("[", StringComparison.Ordinal))
        {
            return null;
        }

        var colon = authority.IndexOf(':');
        var host = (colon < 0 ? authority : authority.Substring(0, colon)).ToLowerInvariant();

        // Service discovery's named endpoint: _endpoint.service.
        if (host.StartsWith("_", StringComparison.Ordinal) && host.IndexOf('.') is var dot and > 1)
        {
            host = host.Substring(dot + 1);
        }

        return ServiceOfHost(host);
    }

    /// <summary>The service a configuration key <c>services:&lt;name&gt;[:…]</c> reads, or null.</summary>
    public static string? ServiceOfConfigurationKey(string key)
    {
        var parts = key.Split(':');
        return parts.Length >= 2 && string.Equals(parts[0], ServicesSection, StringComparison.OrdinalIgnoreCase) && TextChecks.IsDnsLabel(parts[1].ToLowerInvariant())
            ? parts[1].ToLowerInvariant()
            : null;
    }

    private static string? ServiceOfHost(string host)
    {
        if (host.EndsWith(ClusterSuffix, StringComparison.Ordinal))
        {
            host = host.Substring(0, host.Length - ClusterSuffix.Length);
        }
        else if (host.EndsWith(ServiceSuffix, StringComparison.Ordinal))
        {
            host = host.Substring(0, host.Length - ServiceSuffix.Length);
        }
        else if (host.IndexOf('.') >= 0)
        {
            // A dotted name that is not a Service's cluster name: a public or company DNS name.
            return null;
        }

        // <service>.<namespace> once the suffix is gone, or the bare <service>.
        var label = host.Split('.')[0];
        return TextChecks.IsDnsLabel(label) && label != "localhost" && !IsNumber(label) ? label : null;
    }

    private static bool IsHttpScheme(string scheme) => scheme.ToLowerInvariant() switch
    {
        "http" or "https" or "https+http" or "http+https" => true,
        _ => false,
    };

    // A bare number is an IPv4 address in another notation, not a name.
    private static bool IsNumber(string label)
    {
        foreach (var c in label)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
