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

    /// <summary>
    /// SCG0016: a folder a sidecar property mounts must be absolute, written plainly (no surrounding
    /// spaces, no <c>.</c> or <c>..</c> segments) and must not shadow the container: not <c>/</c>, not a
    /// system folder (<see cref="SystemFolders"/>), nothing inside the kernel's <c>/proc</c>, <c>/sys</c>
    /// or <c>/dev</c>. A volume there would hide the image's programs, libraries or configuration from
    /// the app and the sidecar that mount it.
    /// </summary>
    public static void FolderPath(AttributeFindings findings, PathProperty path)
    {
        if (FolderPathProblem(path.Path) is { } problem)
        {
            findings.Report(RuleIds.CannotRender, path.Property, $"{path.Property} '{path.Path}' {problem}");
        }
    }

    /// <summary>The folders of a Linux image that a volume must not cover (the Filesystem Hierarchy Standard's, and the usual image folders beneath them).</summary>
    private static readonly string[] SystemFolders =
    {
        "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib32", "/lib64", "/libx32", "/media", "/mnt", "/opt", "/proc",
        "/root", "/run", "/sbin", "/srv", "/sys", "/usr", "/var",
        "/usr/bin", "/usr/lib", "/usr/lib64", "/usr/libexec", "/usr/local", "/usr/sbin", "/usr/share", "/var/lib", "/var/run",
    };

    private static readonly string[] KernelFolders = { "/proc/", "/sys/", "/dev/" };

    private static string? FolderPathProblem(string path)
    {
        if (!path.StartsWith("/", StringComparison.Ordinal) || path.Trim() != path)
        {
            return "must be an absolute folder path";
        }

        var folder = path.TrimEnd('/');
        if (folder.Length == 0)
        {
            return "would cover the container's root: pick a folder of its own, e.g. /var/log/app";
        }

        if (folder.Split('/').Skip(1).Any(segment => segment is "" or "." or ".."))
        {
            return "must be written without empty, '.' or '..' segments";
        }

        return SystemFolders.Contains(folder, StringComparer.Ordinal) || KernelFolders.Any(kernel => folder.StartsWith(kernel, StringComparison.Ordinal))
            ? "would cover a system folder of the container: pick a folder of its own, e.g. /var/log/app"
            : null;
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
