using CsCheck;
using Microsoft.CodeAnalysis.CSharp;

namespace SidecarGen.Tests.PropertyBased;

/// <summary>One attribute argument as C# source: a string, an int, a bool, an enum value or an array of those.</summary>
internal sealed record Argument(string Name, object Value)
{
    /// <summary>Constructor parameters (lowercase) as <c>name: value</c>, properties as <c>Name = value</c>.</summary>
    public string ToSource() => Name + (char.IsLower(Name[0]) ? ": " : " = ") + Literal(Value);

    public static string Literal(object value) => value switch
    {
        string text => SymbolDisplay.FormatLiteral(text, quote: true),
        int number => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        EnumValue e => "(" + e.Type + ")" + e.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        string[] items => "new string[] { " + string.Join(", ", items.Select(i => Literal(i))) + " }",
        int[] items => "new int[] { " + string.Join(", ", items.Select(i => Literal(i))) + " }",
        _ => throw new ArgumentException(value.GetType().Name),
    };
}

internal sealed record EnumValue(string Type, int Value);

/// <summary>A sidecar attribute with random arguments.</summary>
internal sealed record SidecarCase(string Attribute, Argument[] Arguments)
{
    public string ToSource() => "[" + Attribute + "(" + string.Join(", ", Arguments.Select(a => a.ToSource())) + ")]";

    public T? Get<T>(string name) where T : class => Arguments.FirstOrDefault(a => a.Name == name)?.Value as T;
}

/// <summary>A whole service: the optional [SidecarService] and its sidecars.</summary>
internal sealed record ServiceCase(Argument[]? Service, SidecarCase[] Sidecars)
{
    public string ToSource() =>
        "using SidecarGen;\n\n"
        + (Service is null ? "" : "[SidecarService(" + string.Join(", ", Service.Select(a => a.ToSource())) + ")]\n")
        + string.Concat(Sidecars.Select(s => s.ToSource() + "\n"))
        + "public partial class Program;\n";

    public override string ToString() => ToSource();
}

/// <summary>
/// Generators for attribute values meant to break a YAML writer: YAML syntax, scalars that resolve
/// to other types, control characters, Unicode, empty and 10 KB strings, extreme numbers — mixed
/// with plausible values so that many cases also get through validation and are written.
/// </summary>
internal static class HostileInput
{
    private static readonly string[] Nasty =
    {
        "", " ", "yes", "no", "on", "off", "true", "False", "null", "~", "0755", "0x1F", "1e3", "1:20", ".inf", "-.nan", "2024-01-01",
        "a: b", "key: value\nother: x", "# comment", "---", "...", "{{ .Values.secret }}", "${HOME}", "$(whoami)", "*alias", "&anchor",
        "!!binary", "- item", "[a, b]", "{a: b}", "'single'", "\"double\"", "back\\slash", "tab\there", "line\nbreak", "cr\rlf", "nul\0byte",
        "üñíçødé ✓ 日本語", "🚀", "\u2028", "%", "@", "`", "|", ">", "?", "a,b", "--flag=--x", "KEY=VALUE=MORE", "=", "==",
    };

    private static readonly string[] Plausible =
    {
        "order-service", "svc", "logging", "cache", "redis:7.4.1", "registry.example.com/app:1.0.0", "nginx", "fluent/fluent-bit:latest",
        "/var/log/app", "/etc/app/config", "https://login.example.com/realms/shop", "http://loki:3100", "order-auth", "config/app",
        "250m", "1", "0.5", "64Mi", "1Gi", "10", "lots", "ledger=ledger.svc:8080", "example.com", "MODE=fast", "LEVEL=debug",
    };

    private static readonly Gen<string> Tricky = Gen.Char["abc:-# {}[]\"'\\\n\t$*&!|>%@`=/._\u00e9\u2028"].Array[0, 24].Select(chars => new string(chars));

    public static readonly Gen<string> Text = Gen.Frequency(
        (4, Gen.OneOf<string>(Plausible)),
        (3, Gen.OneOf<string>(Nasty)),
        (2, Tricky),
        (1, Gen.OneOf<string>(new string('x', 10_240), new string('\u00e9', 5000) + ": #")));

    public static readonly Gen<int> Number = Gen.Frequency(
        (6, Gen.Int[1, 65535]),
        (1, Gen.OneOf<int>(0, -1, 65536, 70000, int.MaxValue, int.MinValue)));

    private static readonly Gen<string[]> Texts = Text.Array[0, 4];

    /// <summary>Mostly a valid value for a field the validator checks, sometimes anything.</summary>
    private static Gen<object> Mostly(params string[] valid) =>
        Gen.Frequency((6, Gen.OneOf<string>(valid)), (1, Text)).Select(v => (object)v);

    private static readonly Gen<string> Names = Gen.Frequency((8, Gen.OneOf<string>("cache", "proxy", "sidecar-a", "x1", "echo")), (1, Text));

    private static readonly Gen<string> Images = Gen.Frequency((8, Gen.OneOf<string>("redis:7.4.1", "example/echo:1.0", "registry.example.com/a/b:2")), (1, Text));

    /// <summary>Each candidate argument is written or left out, at random.</summary>
    private static Gen<Argument[]> Arguments(params (string Name, Gen<object> Value)[] candidates)
    {
        var result = Gen.Const<System.Collections.Immutable.ImmutableList<Argument>>(System.Collections.Immutable.ImmutableList<Argument>.Empty);
        foreach (var (name, value) in candidates)
        {
            var maybe = Gen.Frequency((1, Gen.Const<Argument?>((Argument?)null)), (1, value.Select(v => (Argument?)new Argument(name, v))));
            result = result.SelectMany(list => maybe.Select(argument => argument is null ? list : list.Add(argument)));
        }

        return result.Select(list => list.ToArray());
    }

    private static Gen<object> Str => Text.Select(t => (object)t);

    private static Gen<object> Num => Number.Select(n => (object)n);

    private static Gen<object> Strs => Texts.Select(t => (object)t);

    private static readonly Gen<SidecarCase> Custom =
        Gen.Select(Names, Images, Arguments(("Ports", Number.Array[0, 3].Select(p => (object)p)), ("Args", Strs), ("Env", Strs), ("CpuRequest", Mostly("10m", "50m")), ("MemoryLimit", Mostly("96Mi")), ("Capabilities", Strs), ("RunAsRoot", Gen.Bool.Select(b => (object)b))))
            .Select((name, image, rest) => new SidecarCase("Sidecar", new[] { new Argument("name", name), new Argument("image", image) }.Concat(rest).ToArray()));

    private static readonly Gen<SidecarCase>[] BuiltIns =
    {
        Arguments(("LogPath", Mostly("/var/log/app", "/logs")), ("Endpoint", Mostly("http://loki:3100", "https://es.example.com")), ("Output", Gen.Int[0, 3].Select(v => (object)new EnumValue("LogOutput", v))), ("Agent", Gen.Int[0, 2].Select(v => (object)new EnumValue("LogAgent", v))), ("Name", Mostly("log-agent")), ("Image", Mostly("fluent/fluent-bit:4.0.3")))
            .Select(a => new SidecarCase("LoggingSidecar", a)),
        Arguments(("IssuerUrl", Mostly("https://login.example.com/realms/shop")), ("SecretName", Mostly("order-auth")), ("EmailDomains", Strs), ("Port", Num), ("Provider", Mostly("oidc", "github")))
            .Select(a => new SidecarCase("AuthProxySidecar", a)),
        Arguments(("ScrapePort", Num), ("OtlpPort", Num))
            .Select(a => new SidecarCase("MetricsSidecar", a)),
        Arguments(("Upstreams", Strs), ("Mtls", Gen.Bool.Select(b => (object)b)), ("Retries", Num), ("TimeoutSeconds", Num), ("TlsSecretName", Mostly("mesh-tls")), ("InboundPort", Num))
            .Select(a => new SidecarCase("ServiceMeshSidecar", a)),
        Arguments(("Key", Mostly("config/app", "/config/x")), ("Address", Mostly("http://consul:8500", "http://etcd:2379")), ("MountPath", Mostly("/etc/app/config", "/logs", "/tmp")), ("Source", Gen.Int[0, 1].Select(v => (object)new EnumValue("ConfigSource", v))))
            .Select(a => new SidecarCase("ConfigWatcherSidecar", a)),
        Arguments(("Port", Num), ("TlsSecretName", Mostly("app-tls")))
            .Select(a => new SidecarCase("TlsTerminationSidecar", a)),
    };

    private static readonly Gen<Argument[]?> Service = Gen.Bool.SelectMany(present => present
        ? Arguments(("Image", Mostly("app:1.0.0")), ("Port", Num), ("Replicas", Gen.Int[-1, 5].Select(v => (object)v)), ("HealthPath", Mostly("/healthz")), ("CpuRequest", Mostly("2", "500m")), ("MemoryLimit", Mostly("1Gi")))
            .SelectMany(rest => Gen.Frequency((8, Gen.OneOf<string>("svc", "order-service")), (1, Text)).Select(name => (Argument[]?)new[] { new Argument("name", name) }.Concat(rest).ToArray()))
        : Gen.Const<Argument[]?>((Argument[]?)null));

    /// <summary>A service with up to four sidecars, each built-in kind at most once plus custom ones.</summary>
    public static readonly Gen<ServiceCase> Services = Gen.Select(
        Service,
        Gen.Int[0, 4].SelectMany(count => Gen.OneOf(BuiltIns.Append(Custom).ToArray()).Array[count]))
        .Select((service, sidecars) => new ServiceCase(service, sidecars.Where((s, i) => s.Attribute == "Sidecar" || sidecars.Take(i).All(earlier => earlier.Attribute != s.Attribute)).ToArray()));
}
