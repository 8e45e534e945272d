using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SidecarGen.Model;
using SidecarGen.Planning;
using SidecarGen.Sidecars;

namespace SidecarGen.Validation;

/// <summary>
/// Checks a declared service against the rules of SPEC §5 that the attributes alone decide. The
/// generator writes nothing while an error stands; the analyzers report every finding.
/// </summary>
internal static class ServiceValidator
{
    private static readonly string[] SecretWords = { "SECRET", "PASSWORD", "PASSWD", "TOKEN", "KEY", "CREDENTIAL" };

    public static IReadOnlyList<Finding> Validate(ServiceDeclaration declaration, BuildSettings settings)
    {
        var findings = new List<Finding>();
        var service = declaration.Service ?? AttributeArguments.None;
        var serviceName = ServicePlanner.ServiceName(declaration, settings);
        var serviceOrdinal = declaration.ServiceOrdinal;

        Name(findings, serviceOrdinal, "Name", serviceName, "service");
        Port(findings, serviceOrdinal, "Port", service.GetInt("Port"));
        Quantities(findings, serviceOrdinal, service);
        Text(findings, serviceOrdinal, service, "Image", "HealthPath");
        if (service.GetInt("Replicas") is < 0)
        {
            findings.Add(new Finding(RuleIds.CannotRender, serviceOrdinal, "Replicas", "Replicas must be 0 or more"));
        }

        if (service.GetString("HealthPath") is { } health && !health.StartsWith("/", StringComparison.Ordinal))
        {
            findings.Add(new Finding(RuleIds.CannotRender, serviceOrdinal, "HealthPath", $"HealthPath '{health}' must start with '/'"));
        }

        var names = new HashSet<string>(StringComparer.Ordinal) { serviceName };
        foreach (var sidecar in declaration.Sidecars)
        {
            SidecarRules(findings, sidecar, names);
        }

        if (!findings.Any(finding => finding.IsError))
        {
            PortCollisions(findings, declaration, settings);
        }

        return findings;
    }

    private static void SidecarRules(List<Finding> findings, SidecarDeclaration sidecar, HashSet<string> names)
    {
        var arguments = sidecar.Arguments;
        var ordinal = sidecar.Ordinal;
        var name = arguments.GetString("Name") ?? string.Empty;
        if (sidecar.Kind is not (SidecarKind.Generic or SidecarKind.Custom) && !arguments.Has("Name"))
        {
            name = DefaultName(sidecar.Kind);
        }

        if (Name(findings, ordinal, "Name", name, "sidecar") && !names.Add(name))
        {
            findings.Add(new Finding(RuleIds.InvalidName, ordinal, "Name", $"Another container of the Pod is already named '{name}'"));
        }

        if (!SidecarCatalog.IsSupported(sidecar.Kind))
        {
            findings.Add(new Finding(RuleIds.CannotRender, ordinal, null, $"{sidecar.AttributeType} is not rendered by this version of SidecarGen"));
        }

        if (sidecar.Kind is SidecarKind.Generic or SidecarKind.Custom && arguments.GetString("Image") is not { Length: > 0 })
        {
            findings.Add(new Finding(RuleIds.CannotRender, ordinal, "Image", "A custom sidecar needs an image"));
        }

        foreach (var port in arguments.GetStrings("Ports"))
        {
            Port(findings, ordinal, "Ports", int.TryParse(port, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0);
        }

        foreach (var argument in new[] { "Port", "InboundPort", "AdminPort", "ScrapePort", "OtlpPort" })
        {
            Port(findings, ordinal, argument, arguments.GetInt(argument));
        }

        foreach (var item in arguments.GetStrings("Env"))
        {
            EnvItem(findings, ordinal, item);
        }

        Quantities(findings, ordinal, arguments);
        Text(findings, ordinal, arguments, "Image", "LogPath", "Endpoint", "IssuerUrl", "Provider", "SecretName", "Key", "Address", "MountPath", "TlsSecretName");
        foreach (var list in new[] { "Args", "EmailDomains", "Capabilities", "Upstreams" })
        {
            foreach (var item in arguments.GetStrings(list))
            {
                if (HasControlCharacter(item))
                {
                    findings.Add(new Finding(RuleIds.CannotRender, ordinal, list, $"An item of {list} contains a control character"));
                }
            }
        }

        if (arguments.GetString("SecretName") is { } secretName && !IsDnsSubdomain(secretName))
        {
            findings.Add(new Finding(RuleIds.InvalidName, ordinal, "SecretName", $"SecretName '{secretName}' is not a valid Kubernetes Secret name"));
        }

        if (arguments.GetString("LogPath") is { } logPath && (!logPath.StartsWith("/", StringComparison.Ordinal) || logPath.Contains("*") || logPath.Trim() != logPath))
        {
            findings.Add(new Finding(RuleIds.CannotRender, ordinal, "LogPath", $"LogPath '{logPath}' must be an absolute folder path"));
        }

        switch (sidecar.Kind)
        {
            case SidecarKind.AuthProxy:
                Url(findings, ordinal, "IssuerUrl", arguments.GetString("IssuerUrl"), required: true);
                break;
            case SidecarKind.Logging:
                LoggingRules(findings, ordinal, arguments);
                break;
        }
    }

    private static void LoggingRules(List<Finding> findings, int ordinal, AttributeArguments arguments)
    {
        var output = arguments.GetInt("Output") ?? 0;
        var agent = arguments.GetInt("Agent") ?? 0;
        if (output != 0)
        {
            Url(findings, ordinal, "Endpoint", arguments.GetString("Endpoint"), required: true);
        }

        // The stock images ship these outputs only: Fluentd's has no Elasticsearch, Splunk or Loki
        // plugin, and Filebeat has no Splunk or Loki output.
        var supported = agent switch
        {
            1 => output == 0,
            2 => output is 0 or 1,
            _ => output is >= 0 and <= 3,
        };
        if (!supported)
        {
            findings.Add(new Finding(RuleIds.CannotRender, ordinal, "Output", "This log agent's default image cannot ship to that output; use LogAgent.FluentBit"));
        }
    }

    private static string DefaultName(SidecarKind kind) => kind switch
    {
        SidecarKind.Logging => LoggingSidecar.DefaultName,
        SidecarKind.AuthProxy => AuthProxySidecar.DefaultName,
        SidecarKind.Metrics => "metrics",
        SidecarKind.ServiceMesh => "service-mesh",
        SidecarKind.ConfigWatcher => "config-watcher",
        SidecarKind.TlsTermination => "tls-termination",
        _ => string.Empty,
    };

    private static void PortCollisions(List<Finding> findings, ServiceDeclaration declaration, BuildSettings settings)
    {
        var plan = ServicePlanner.Plan(declaration, settings);
        var owners = new Dictionary<int, string>();
        var containers = new[] { (plan.App, declaration.ServiceOrdinal) }
            .Concat(plan.Sidecars.Select((sidecar, index) => (sidecar.Container, declaration.Sidecars[index].Ordinal)));
        foreach (var (container, ordinal) in containers)
        {
            foreach (var port in container.Ports)
            {
                if (owners.TryGetValue(port.Port, out var owner))
                {
                    findings.Add(new Finding(RuleIds.PortCollision, ordinal, null, $"Port {port.Port} of '{container.Name}' is already used by '{owner}' in the same Pod"));
                }
                else
                {
                    owners.Add(port.Port, container.Name);
                }
            }
        }
    }

    private static bool Name(List<Finding> findings, int ordinal, string argument, string name, string what)
    {
        if (IsDnsLabel(name))
        {
            return true;
        }

        findings.Add(new Finding(RuleIds.InvalidName, ordinal, argument, $"The {what} name '{name}' is not a DNS-1123 label (lowercase letters, digits and '-', at most 63)"));
        return false;
    }

    private static void Port(List<Finding> findings, int ordinal, string argument, int? port)
    {
        if (port is { } value && value is < 1 or > 65535)
        {
            findings.Add(new Finding(RuleIds.PortOutOfRange, ordinal, argument, $"Port {value} is outside 1-65535"));
        }
    }

    private static void Quantities(List<Finding> findings, int ordinal, AttributeArguments arguments)
    {
        foreach (var (request, limit, parse) in new (string, string, Func<string?, long?>)[]
        {
            ("CpuRequest", "CpuLimit", Planning.Quantities.CpuMillis),
            ("MemoryRequest", "MemoryLimit", Planning.Quantities.MemoryBytes),
        })
        {
            var requested = Check(findings, ordinal, arguments, request, parse);
            var limited = Check(findings, ordinal, arguments, limit, parse);
            if (requested > limited)
            {
                findings.Add(new Finding(RuleIds.InvalidQuantity, ordinal, request, $"{request} {arguments.GetString(request)} exceeds {limit} {arguments.GetString(limit)}"));
            }
        }
    }

    private static long? Check(List<Finding> findings, int ordinal, AttributeArguments arguments, string argument, Func<string?, long?> parse)
    {
        if (arguments.GetString(argument) is not { } text)
        {
            return null;
        }

        var value = parse(text);
        if (value is null or 0)
        {
            findings.Add(new Finding(RuleIds.InvalidQuantity, ordinal, argument, $"{argument} '{text}' is not a positive Kubernetes quantity"));
        }

        return value;
    }

    private static void Url(List<Finding> findings, int ordinal, string argument, string? url, bool required)
    {
        if (url is null && !required)
        {
            return;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || url!.Any(char.IsWhiteSpace))
        {
            findings.Add(new Finding(RuleIds.InvalidUrl, ordinal, argument, url is null ? $"{argument} is required" : $"{argument} '{url}' is not an absolute http(s) URL"));
        }
    }

    private static void EnvItem(List<Finding> findings, int ordinal, string item)
    {
        var separator = item.IndexOf('=');
        if (separator <= 0 || !IsEnvName(item.Substring(0, separator)))
        {
            findings.Add(new Finding(RuleIds.CannotRender, ordinal, "Env", $"Env item '{item}' is not KEY=VALUE with a valid variable name"));
            return;
        }

        var key = item.Substring(0, separator).ToUpperInvariant();
        if (separator < item.Length - 1 && SecretWords.Any(key.Contains))
        {
            findings.Add(new Finding(RuleIds.SecretInSource, ordinal, "Env", $"'{item.Substring(0, separator)}' looks like a secret; take it from a Secret, not from source"));
        }
    }

    private static void Text(List<Finding> findings, int ordinal, AttributeArguments arguments, params string[] names)
    {
        foreach (var name in names)
        {
            if (arguments.GetString(name) is { } value && HasControlCharacter(value))
            {
                findings.Add(new Finding(RuleIds.CannotRender, ordinal, name, $"{name} contains a control character (newline, tab, ...)"));
            }
        }
    }

    private static bool HasControlCharacter(string value) => value.Any(char.IsControl);

    public static bool IsDnsLabel(string name) =>
        name.Length is > 0 and <= 63
        && name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')
        && name[0] != '-' && name[name.Length - 1] != '-';

    private static bool IsDnsSubdomain(string name) =>
        name.Length is > 0 and <= 253 && name.Split('.').All(IsDnsLabel);

    private static bool IsEnvName(string name) =>
        name.Length > 0 && !char.IsDigit(name[0]) && name.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_');
}
