using System;
using System.Linq;
using SidecarGen.Rules;

namespace SidecarGen.Sidecars;

/// <summary>Checks several sidecar kinds make on their own properties.</summary>
internal static class SidecarChecks
{
    /// <summary>The URL when <paramref name="text"/> is an absolute http(s) URL without white space, else null: the one parse of a URL property.</summary>
    public static Uri? HttpUrl(string? text) =>
        text is not null && !text.Any(char.IsWhiteSpace) && Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;

    /// <summary>
    /// SCG0013: <paramref name="url"/> was given but <paramref name="parsed"/> (its <see cref="HttpUrl"/>) is null;
    /// <paramref name="required"/> says whether leaving it out is an error too.
    /// </summary>
    public static void Url(AttributeFindings findings, string property, string? url, Uri? parsed, bool required)
    {
        if (url is null)
        {
            if (required)
            {
                findings.Report(RuleIds.InvalidUrl, null, $"{property} is required: an absolute http(s) URL");
            }

            return;
        }

        if (parsed is null)
        {
            findings.Report(RuleIds.InvalidUrl, property, $"{property} '{url}' is not an absolute http(s) URL");
        }
    }

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

    /// <summary>SCG0016: a folder a sidecar writes for the app to read, which must be <see cref="IsFolderPath"/> and not '/'.</summary>
    public static void MountFolder(AttributeFindings findings, string property, string path)
    {
        if (!IsFolderPath(path) || path.TrimEnd('/').Length == 0)
        {
            findings.Report(RuleIds.CannotRender, property, $"{property} '{path}' must be an absolute folder path other than '/'");
        }
    }

    /// <summary>
    /// SCG0016: a key path in a store (<c>a/b-c_d.e</c>) written into a template's quoted string, so it
    /// holds nothing a template or HCL would read as syntax.
    /// </summary>
    public static void KeyPath(AttributeFindings findings, string property, string? key)
    {
        if (key is not null && (key.Trim('/').Length == 0 || !key.All(c => char.IsLetterOrDigit(c) || c is '/' or '-' or '_' or '.')))
        {
            findings.Report(RuleIds.CannotRender, property, $"{property} '{key}' must be a key path of letters, digits, '/', '-', '_' and '.'");
        }
    }
}
