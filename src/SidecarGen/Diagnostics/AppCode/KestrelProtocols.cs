using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SidecarGen.Diagnostics.AppCode;

/// <summary>
/// What the app tells Kestrel to speak on the service's port (<c>HttpProtocols</c>), gathered from the
/// code (<c>listenOptions.Protocols = …</c> in <c>ConfigureEndpointDefaults</c>, or in a <c>Listen*</c>
/// of that port) and from the settings the Pod's app reads (<c>appsettings.json</c> and
/// <c>appsettings.Production.json</c>, passed as additional files: <c>Kestrel:EndpointDefaults:Protocols</c>,
/// <c>Kestrel:Endpoints:&lt;name&gt;:Protocols</c> of an endpoint on that port). Code that runs only
/// outside Production is left out. Where any setting cannot be read, or two settings disagree, the
/// protocols are unknown: which one wins is not certain here.
/// </summary>
internal sealed class KestrelProtocols
{
    private readonly AppSymbols symbols;
    private readonly int port;
    private readonly List<Setting> settings = new();
    private bool unknown;

    public KestrelProtocols(AppSymbols symbols, int port)
    {
        this.symbols = symbols;
        this.port = port;
    }

    /// <summary>Kestrel's <c>HttpProtocols</c> flags by name (Microsoft.AspNetCore.Server.Kestrel.Core).</summary>
    public enum Protocols
    {
        Http1 = 1,
        Http2 = 2,
        Http1AndHttp2 = 3,
        Http3 = 4,
        Http1AndHttp2AndHttp3 = 7,
    }

    /// <summary>The one value every setting for the port gives, where it is certain; else null.</summary>
    public Setting? Effective()
    {
        lock (settings)
        {
            return unknown || settings.Count == 0 || settings.Any(setting => setting.Value != settings[0].Value) ? null : settings[0];
        }
    }

    public void Read(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "Protocols" } target
            || !SymbolEqualityComparer.Default.Equals(target.Property.ContainingType, symbols.Type(WellKnownTypes.ListenOptions)))
        {
            return;
        }

        if (DevelopmentOnly.Contains(assignment, symbols))
        {
            return;
        }

        var value = assignment.Value.ConstantValue is { HasValue: true, Value: int flags } && Enum.IsDefined(typeof(Protocols), flags) ? (Protocols?)flags : null;
        if (value is null || !ForThisPort(assignment))
        {
            MarkUnknown();
            return;
        }

        Add(new Setting(value.Value, assignment.Syntax.GetLocation(), "listenOptions.Protocols"));
    }

    /// <summary>
    /// The assignment sits in the lambda of <c>ConfigureEndpointDefaults</c> (every endpoint), or of a
    /// <c>Listen*</c> whose port is the service's. Any other place may or may not be this port's: unknown.
    /// </summary>
    private bool ForThisPort(IOperation assignment)
    {
        var lambda = assignment.Parent;
        while (lambda is not null and not IAnonymousFunctionOperation)
        {
            lambda = lambda.Parent;
        }

        var invocation = lambda?.Parent is IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation call } } ? call : null;
        if (invocation is null || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, symbols.Type(WellKnownTypes.KestrelServerOptions)))
        {
            return false;
        }

        return invocation.TargetMethod.Name switch
        {
            "ConfigureEndpointDefaults" => true,
            "Listen" or "ListenAnyIP" or "ListenLocalhost" => ConstantResolver.Int(invocation.Argument("port")) == port,
            _ => false,
        };
    }

    /// <summary>Reads one additional file, when it is a settings file the Pod's app loads (Production).</summary>
    public void Read(AdditionalText file, System.Threading.CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(file.Path);
        if (!name.Equals("appsettings.json", StringComparison.OrdinalIgnoreCase) && !name.Equals("appsettings.Production.json", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var text = file.GetText(cancellationToken);
        if (text is null)
        {
            MarkUnknown();
            return;
        }

        // JSON is YAML's flow style. A file with comments (which the configuration skips and YAML would
        // not), or one YAML cannot read (trailing commas), is unknown.
        var json = text.ToString();
        var root = HasComment(json) ? null : Parse(json);
        if (root is null)
        {
            MarkUnknown();
            return;
        }

        if (Child(root, "Kestrel") is not YamlMappingNode kestrel)
        {
            return;
        }

        if (Child(kestrel, "EndpointDefaults") is YamlMappingNode defaults)
        {
            ReadValue(file, text, Child(defaults, "Protocols"), "Kestrel:EndpointDefaults:Protocols");
        }

        if (Child(kestrel, "Endpoints") is YamlMappingNode endpoints)
        {
            foreach (var endpoint in endpoints.Children)
            {
                // An endpoint of another port, or one whose port cannot be read, is SCG0029's to judge.
                if (endpoint.Value is YamlMappingNode options && Child(options, "Url") is YamlScalarNode { Value: { } url } && UrlPort(url) == port)
                {
                    ReadValue(file, text, Child(options, "Protocols"), "Kestrel:Endpoints:" + ((YamlScalarNode)endpoint.Key).Value + ":Protocols");
                }
            }
        }
    }

    private void ReadValue(AdditionalText file, SourceText text, YamlNode? node, string key)
    {
        if (node is null)
        {
            return;
        }

        // The configuration binder reads an enum by name, ignoring case.
        if (node is YamlScalarNode { Value: { } value } && Enum.GetNames(typeof(Protocols)).FirstOrDefault(name => name.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase)) is { } known)
        {
            Add(new Setting((Protocols)Enum.Parse(typeof(Protocols), known), At(file, text, node), key));
        }
        else
        {
            MarkUnknown();
        }
    }

    private static Location At(AdditionalText file, SourceText text, YamlNode node)
    {
        var start = text.Lines.GetPosition(new LinePosition((int)node.Start.Line - 1, (int)node.Start.Column - 1));
        var end = text.Lines.GetPosition(new LinePosition((int)node.End.Line - 1, (int)node.End.Column - 1));
        var span = TextSpan.FromBounds(start, Math.Max(start, end));
        return Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
    }

    private static YamlMappingNode? Parse(string json)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(json));
            return stream.Documents.Count == 1 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        }
        catch (YamlException)
        {
            return null;
        }
    }

    /// <summary>A <c>/</c> outside a string: the start of a comment (JSON has no other use for one there).</summary>
    private static bool HasComment(string json)
    {
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            switch (json[i])
            {
                case '\\' when inString:
                    i++;
                    break;
                case '"':
                    inString = !inString;
                    break;
                case '/' when !inString:
                    return true;
            }
        }

        return false;
    }

    /// <summary>A key of a settings object, found as the configuration finds it: ignoring case.</summary>
    private static YamlNode? Child(YamlMappingNode mapping, string key)
    {
        foreach (var child in mapping.Children)
        {
            if (child.Key is YamlScalarNode { Value: { } name } && name.Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                return child.Value;
            }
        }

        return null;
    }

    private static int? UrlPort(string url) =>
        Uri.TryCreate(url.Replace("://*", "://localhost").Replace("://+", "://localhost"), UriKind.Absolute, out var uri) && !uri.IsDefaultPort ? uri.Port : null;

    private void Add(Setting setting)
    {
        lock (settings)
        {
            settings.Add(setting);
        }
    }

    private void MarkUnknown()
    {
        lock (settings)
        {
            unknown = true;
        }
    }

    /// <summary>One setting of the port's protocols: its value, where it is written, and its name as the message gives it.</summary>
    public sealed record Setting(Protocols Value, Location Location, string Name);
}
