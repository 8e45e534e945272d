using System;
using System.Collections.Generic;
using System.Linq;
using SidecarGen.Model;
using SidecarGen.Rules;
using SidecarGen.Sidecars;

namespace SidecarGen.Validation;

/// <summary>
/// The checks on the properties every sidecar inherits from <see cref="SidecarAttribute"/>: pinned
/// image (SCG0005), secrets in <c>Env</c> (SCG0011), privileges (SCG0012), port range (SCG0009), and
/// what SidecarGen cannot render (SCG0016), settings the sidecar ignores (SCG0020).
/// </summary>
internal static class CommonRules
{
    private static readonly string[] SecretWords = { "SECRET", "PASSWORD", "PASSWD", "TOKEN", "KEY", "CREDENTIAL" };

    public static void Check(ValidationContext context, SidecarDeclaration sidecar)
    {
        var findings = context.Findings.For(sidecar.Ordinal);
        var common = sidecar.Options.Common;
        var kind = SidecarKinds.Of(sidecar);

        var defaultImage = kind.DefaultImage(sidecar.Options);
        if (defaultImage is null && common.Image is not { Length: > 0 })
        {
            findings.Report(RuleIds.CannotRender, nameof(SidecarAttribute.Image), "A custom sidecar needs an image");
        }

        Image(findings, common.Image, defaultImage);
        Env(findings, common.Env);
        Capabilities(findings, common.Capabilities);
        if (!common.Capabilities.IsEmpty)
        {
            findings.Report(RuleIds.Privileged, nameof(SidecarAttribute.Capabilities), $"Adding capabilities ({string.Join(", ", common.Capabilities)}) is outside the restricted Pod Security profile");
        }

        if (common.RunAsRoot)
        {
            findings.Report(RuleIds.Privileged, nameof(SidecarAttribute.RunAsRoot), "Running as root is outside the restricted Pod Security profile");
        }

        foreach (var (property, port) in kind.Ports(sidecar.Options))
        {
            PortRange(findings, property, port, null);
        }

        for (var i = 0; i < common.Ports.Count; i++)
        {
            PortRange(findings, nameof(SidecarAttribute.Ports), common.Ports[i], i);
        }

        foreach (var (property, reason) in kind.Ignored(sidecar.Options))
        {
            if (sidecar.IsWritten(property))
            {
                findings.Report(RuleIds.IgnoredSetting, property, $"{property} has no effect here: {reason}");
            }
        }
    }

    /// <summary>SCG0005; <paramref name="defaultImage"/> is what the code fix falls back to, when the kind has one.</summary>
    public static void Image(AttributeFindings findings, string? image, string? defaultImage)
    {
        if (image is { Length: > 0 } && !IsPinned(image))
        {
            findings.Report(RuleIds.UnpinnedImage, nameof(SidecarAttribute.Image), $"The image '{image}' is not pinned to a version (no tag, or 'latest')", fixValue: defaultImage);
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

    /// <summary>SCG0009.</summary>
    public static void PortRange(AttributeFindings findings, string property, int port, int? item)
    {
        if (port is < 1 or > 65535)
        {
            findings.Report(RuleIds.PortOutOfRange, property, $"Port {port} is outside 1-65535", item);
        }
    }

    /// <summary>Each item <c>KEY=VALUE</c> with a valid, unique name (SCG0016), and no secret written in source (SCG0011).</summary>
    private static void Env(AttributeFindings findings, EquatableArray<string> env)
    {
        const string property = nameof(SidecarAttribute.Env);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < env.Count; i++)
        {
            var separator = env[i].IndexOf('=');
            var name = separator > 0 ? env[i].Substring(0, separator) : string.Empty;
            if (separator <= 0 || !TextChecks.IsEnvironmentName(name))
            {
                findings.Report(RuleIds.CannotRender, property, $"{property} item '{env[i]}' is not KEY=VALUE with a valid variable name", i);
            }
            else if (!names.Add(name))
            {
                findings.Report(RuleIds.CannotRender, property, $"'{name}' is set twice", i);
            }

            if (separator > 0 && separator < env[i].Length - 1 && SecretWords.Any(name.ToUpperInvariant().Contains))
            {
                findings.Report(RuleIds.SecretInSource, property, $"'{name}' looks like a secret written in source; take it from a Kubernetes Secret instead", i);
            }
        }
    }

    private static void Capabilities(AttributeFindings findings, EquatableArray<string> capabilities)
    {
        for (var i = 0; i < capabilities.Count; i++)
        {
            if (capabilities[i].Length == 0 || !capabilities[i].All(c => c is >= 'A' and <= 'Z' or '_') || capabilities.Take(i).Contains(capabilities[i]))
            {
                findings.Report(RuleIds.CannotRender, nameof(SidecarAttribute.Capabilities), $"'{capabilities[i]}' is not a Linux capability name (NET_ADMIN, SYS_PTRACE, ...) or is listed twice", i);
            }
        }
    }
}
