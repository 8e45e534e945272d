using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SidecarGen.Model;

namespace SidecarGen.Validation;

/// <summary>SCG0016: settings SidecarGen cannot render faithfully, so it renders nothing.</summary>
internal static class RenderRules
{
    private static readonly string[] ServiceText = { "Name", "Image", "HealthPath", "CpuRequest", "MemoryRequest", "CpuLimit", "MemoryLimit" };
    private static readonly string[] SidecarText =
    {
        "Name", "Image", "LogPath", "Endpoint", "IssuerUrl", "Provider", "SecretName", "Key", "Address", "MountPath", "TlsSecretName",
        "CpuRequest", "MemoryRequest", "CpuLimit", "MemoryLimit",
    };

    private static readonly string[] SidecarLists = { "Args", "EmailDomains", "Capabilities", "Upstreams" };

    public static void Check(ValidationContext context)
    {
        var service = context.Service;
        ControlCharacters(context, context.ServiceOrdinal, service, ServiceText, Array.Empty<string>());
        if (service.GetInt("Replicas") is < 0)
        {
            context.Report(RuleIds.CannotRender, context.ServiceOrdinal, "Replicas", "Replicas must be 0 or more");
        }

        if (service.GetString("HealthPath") is { } health && !health.StartsWith("/", StringComparison.Ordinal))
        {
            context.Report(RuleIds.CannotRender, context.ServiceOrdinal, "HealthPath", $"HealthPath '{health}' must start with '/'");
        }

        foreach (var sidecar in context.Declaration.Sidecars)
        {
            Sidecar(context, sidecar);
        }
    }

    private static void Sidecar(ValidationContext context, SidecarDeclaration sidecar)
    {
        var arguments = sidecar.Arguments;
        var ordinal = sidecar.Ordinal;
        ControlCharacters(context, ordinal, arguments, SidecarText, SidecarLists);

        var upstreams = arguments.GetStrings("Upstreams");
        for (var i = 0; i < upstreams.Count; i++)
        {
            if (Sidecars.Mesh.MeshUpstream.Parse(upstreams[i]) is null)
            {
                context.Report(RuleIds.CannotRender, ordinal, "Upstreams", $"Upstream '{upstreams[i]}' is not name=host:port (a DNS label, a host name, a port)", i);
            }
        }

        if (arguments.GetString("Key") is { } key && (key.Trim('/').Length == 0 || !key.All(c => char.IsLetterOrDigit(c) || c is '/' or '-' or '_' or '.')))
        {
            context.Report(RuleIds.CannotRender, ordinal, "Key", $"Key '{key}' must be a key path of letters, digits, '/', '-', '_' and '.'");
        }

        if (arguments.GetString("MountPath") is { } mountPath && (!mountPath.StartsWith("/", StringComparison.Ordinal) || mountPath.Trim() != mountPath || mountPath.TrimEnd('/').Length == 0))
        {
            context.Report(RuleIds.CannotRender, ordinal, "MountPath", $"MountPath '{mountPath}' must be an absolute folder path other than '/'");
        }

        foreach (var count in new[] { "MaxConnections", "MaxPendingRequests", "Retries", "TimeoutSeconds" })
        {
            if (arguments.GetInt(count) is < 0 || (count == "TimeoutSeconds" && arguments.GetInt(count) is 0))
            {
                context.Report(RuleIds.CannotRender, ordinal, count, $"{count} must be {(count == "TimeoutSeconds" ? "positive" : "0 or more")}");
            }
        }

        if (sidecar.Kind is SidecarKind.Generic or SidecarKind.Custom && arguments.GetString("Image") is not { Length: > 0 })
        {
            context.Report(RuleIds.CannotRender, ordinal, "Image", "A custom sidecar needs an image");
        }

        var env = arguments.GetStrings("Env");
        var envNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < env.Count; i++)
        {
            var separator = env[i].IndexOf('=');
            if (separator <= 0 || !TextChecks.IsEnvironmentName(env[i].Substring(0, separator)))
            {
                context.Report(RuleIds.CannotRender, ordinal, "Env", $"Env item '{env[i]}' is not KEY=VALUE with a valid variable name", i);
            }
            else if (!envNames.Add(env[i].Substring(0, separator)))
            {
                context.Report(RuleIds.CannotRender, ordinal, "Env", $"'{env[i].Substring(0, separator)}' is set twice", i);
            }
        }

        var capabilities = arguments.GetStrings("Capabilities");
        for (var i = 0; i < capabilities.Count; i++)
        {
            if (capabilities[i].Length == 0 || !capabilities[i].All(c => c is >= 'A' and <= 'Z' or '_') || capabilities.Take(i).Contains(capabilities[i]))
            {
                context.Report(RuleIds.CannotRender, ordinal, "Capabilities", $"'{capabilities[i]}' is not a Linux capability name (NET_ADMIN, SYS_PTRACE, ...) or is listed twice", i);
            }
        }

        if (arguments.GetString("LogPath") is { } logPath && (!logPath.StartsWith("/", StringComparison.Ordinal) || logPath.IndexOf('*') >= 0 || logPath.Trim() != logPath))
        {
            context.Report(RuleIds.CannotRender, ordinal, "LogPath", $"LogPath '{logPath}' must be an absolute folder path");
        }

        if (sidecar.Kind == SidecarKind.Logging && !LogAgentSupports(arguments.GetInt("Agent") ?? 0, arguments.GetInt("Output") ?? 0))
        {
            context.Report(RuleIds.CannotRender, ordinal, "Output", "This log agent's stock image cannot ship to that output; use LogAgent.FluentBit");
        }
    }

    /// <summary>Fluentd's stock image ships to stdout only; Filebeat has no Splunk or Loki output.</summary>
    private static bool LogAgentSupports(int agent, int output) => agent switch
    {
        1 => output == 0,
        2 => output is 0 or 1,
        _ => output is >= 0 and <= 3,
    };

    private static void ControlCharacters(ValidationContext context, int ordinal, AttributeArguments arguments, string[] scalars, string[] lists)
    {
        foreach (var name in scalars)
        {
            if (arguments.GetString(name) is { } value && TextChecks.HasControlCharacter(value))
            {
                context.Report(RuleIds.CannotRender, ordinal, name, $"{name} contains a control character (newline, tab, ...)");
            }
        }

        foreach (var name in lists)
        {
            var items = arguments.GetStrings(name);
            for (var i = 0; i < items.Count; i++)
            {
                if (TextChecks.HasControlCharacter(items[i]))
                {
                    context.Report(RuleIds.CannotRender, ordinal, name, $"An item of {name} contains a control character", i);
                }
            }
        }
    }

    public static string ShortName(string attributeType)
    {
        var name = attributeType.Substring(attributeType.LastIndexOf('.') + 1);
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }

    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
