using System;
using System.Linq;
using SidecarGen.Model;

namespace SidecarGen.Validation;

/// <summary>SCG0005 (unpinned images), SCG0011 (secrets in source), SCG0012 (privileges), SCG0013 (URLs).</summary>
internal static class SecurityRules
{
    private static readonly string[] SecretWords = { "SECRET", "PASSWORD", "PASSWD", "TOKEN", "KEY", "CREDENTIAL" };

    public static void Check(ValidationContext context)
    {
        Image(context, context.ServiceOrdinal, context.Service.GetString("Image"));
        foreach (var sidecar in context.Declaration.Sidecars)
        {
            var arguments = sidecar.Arguments;
            Image(context, sidecar.Ordinal, arguments.GetString("Image"));
            SecretsInEnv(context, sidecar);
            if (!arguments.GetStrings("Capabilities").IsEmpty)
            {
                context.Report(RuleIds.Privileged, sidecar.Ordinal, "Capabilities", $"Adding capabilities ({string.Join(", ", arguments.GetStrings("Capabilities"))}) is outside the restricted Pod Security profile");
            }

            if (arguments.GetBool("RunAsRoot") == true)
            {
                context.Report(RuleIds.Privileged, sidecar.Ordinal, "RunAsRoot", "Running as root is outside the restricted Pod Security profile");
            }

            switch (sidecar.Kind)
            {
                case SidecarKind.AuthProxy:
                    Url(context, sidecar.Ordinal, "IssuerUrl", arguments.GetString("IssuerUrl"), required: true);
                    break;
                case SidecarKind.Logging:
                    Url(context, sidecar.Ordinal, "Endpoint", arguments.GetString("Endpoint"), required: (arguments.GetInt("Output") ?? 0) != 0);
                    break;
                case SidecarKind.ConfigWatcher:
                    Url(context, sidecar.Ordinal, "Address", arguments.GetString("Address"), required: false);
                    break;
            }
        }
    }

    /// <summary>True when the image names a version: a tag other than <c>latest</c>, or a digest.</summary>
    public static bool IsPinned(string image)
    {
        if (image.IndexOf("@sha256:", StringComparison.Ordinal) > 0)
        {
            return true;
        }

        var lastSlash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        return colon > lastSlash && colon < image.Length - 1 && image.Substring(colon + 1) != "latest";
    }

    private static void Image(ValidationContext context, int ordinal, string? image)
    {
        if (image is { Length: > 0 } && !IsPinned(image))
        {
            context.Report(RuleIds.UnpinnedImage, ordinal, "Image", $"The image '{image}' is not pinned to a version (no tag, or 'latest')");
        }
    }

    private static void SecretsInEnv(ValidationContext context, SidecarDeclaration sidecar)
    {
        var env = sidecar.Arguments.GetStrings("Env");
        for (var i = 0; i < env.Count; i++)
        {
            var separator = env[i].IndexOf('=');
            if (separator <= 0 || separator == env[i].Length - 1)
            {
                continue;
            }

            var name = env[i].Substring(0, separator);
            if (SecretWords.Any(name.ToUpperInvariant().Contains))
            {
                context.Report(RuleIds.SecretInSource, sidecar.Ordinal, "Env", $"'{name}' looks like a secret written in source; take it from a Kubernetes Secret instead", i);
            }
        }
    }

    private static void Url(ValidationContext context, int ordinal, string argument, string? url, bool required)
    {
        if (url is null)
        {
            if (required)
            {
                context.Report(RuleIds.InvalidUrl, ordinal, null, $"{argument} is required: an absolute http(s) URL");
            }

            return;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || url.Any(char.IsWhiteSpace))
        {
            context.Report(RuleIds.InvalidUrl, ordinal, argument, $"{argument} '{url}' is not an absolute http(s) URL");
        }
    }
}
