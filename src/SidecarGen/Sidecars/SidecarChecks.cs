using System;
using System.Linq;
using SidecarGen.Rules;

namespace SidecarGen.Sidecars;

/// <summary>Checks several sidecar kinds make on their own properties.</summary>
internal static class SidecarChecks
{
    /// <summary>SCG0013: an absolute http(s) URL; <paramref name="required"/> says whether leaving it out is an error too.</summary>
    public static void Url(AttributeFindings findings, string property, string? url, bool required)
    {
        if (url is null)
        {
            if (required)
            {
                findings.Report(RuleIds.InvalidUrl, null, $"{property} is required: an absolute http(s) URL");
            }

            return;
        }

        if (!IsHttpUrl(url))
        {
            findings.Report(RuleIds.InvalidUrl, property, $"{property} '{url}' is not an absolute http(s) URL");
        }
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && !url.Any(char.IsWhiteSpace);

    /// <summary>SCG0007: a Secret name Kubernetes accepts.</summary>
    public static void SecretName(AttributeFindings findings, string property, string? value)
    {
        if (value is not null && !TextChecks.IsDnsSubdomain(value))
        {
            findings.Report(RuleIds.InvalidName, property, $"{property} '{value}' is not a valid Kubernetes Secret name");
        }
    }

    /// <summary>SCG0016: a folder the sidecar mounts: absolute, no surrounding spaces, not the root.</summary>
    public static bool IsFolderPath(string path) =>
        path.StartsWith("/", StringComparison.Ordinal) && path.Trim() == path;
}
