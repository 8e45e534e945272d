using System.Collections.Immutable;
using System.Globalization;
using CsCheck;
using Microsoft.CodeAnalysis.CSharp;
using SidecarGen.Sidecars;

namespace SidecarGen.Tests.PropertyBased;

/// <summary>
/// One attribute argument as C# source: a constructor parameter (<c>name: value</c>) or a property
/// (<c>Name = value</c>), whose value is null, a string, an int, a bool, an enum value or an array of those.
/// </summary>
internal sealed record Argument(string Name, bool Parameter, object? Value)
{
    public string ToSource() => Name + (Parameter ? ": " : " = ") + Literal(Value);

    /// <summary>How the coverage test names the member: <c>(name)</c> for a parameter, <c>.Name</c> for a property.</summary>
    public string Member => Parameter ? "(" + Name + ")" : "." + Name;

    public static string Literal(object? value) => value switch
    {
        null => "null",
        string text => SymbolDisplay.FormatLiteral(text, quote: true),
        int number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        EnumValue e => e.ToSource(),
        string[] items => "new string[] { " + string.Join(", ", items.Select(i => Literal(i))) + " }",
        int[] items => "new int[] { " + string.Join(", ", items.Select(i => Literal(i))) + " }",
        _ => throw new ArgumentException(value.GetType().Name),
    };
}

/// <summary>A value of an enum: by name when it is a defined one, else a cast of the number.</summary>
internal sealed record EnumValue(Type Type, int Value)
{
    public string ToSource() => Enum.IsDefined(Type, Value)
        ? Type.FullName + "." + Enum.GetName(Type, Value)
        : "(" + Type.FullName + ")(" + Value.ToString(CultureInfo.InvariantCulture) + ")";
}

/// <summary>A sidecar attribute with random arguments.</summary>
internal sealed record SidecarCase(string Attribute, Argument[] Arguments)
{
    public string ToSource() => "[" + Attribute + "(" + string.Join(", ", Arguments.Select(a => a.ToSource())) + ")]";

    public T? Get<T>(string name) where T : class => Arguments.FirstOrDefault(a => a.Name == name)?.Value as T;

    /// <summary>
    /// The string the attribute ends up with for <paramref name="property"/>: a non-null named argument
    /// wins over the constructor parameter of the same name (<c>Name</c> over <c>name</c>).
    /// </summary>
    public string? Effective(string property) =>
        Get<string>(property) ?? Get<string>(char.ToLowerInvariant(property[0]) + property[1..]);
}

/// <summary>A whole service: the optional [SidecarService] and its sidecars.</summary>
internal sealed record ServiceCase(Argument[]? Service, SidecarCase[] Sidecars)
{
    public string ToSource() =>
        "using SidecarGen;\n\n"
        + (Service is null ? "" : "[" + HostileInput.ServiceAttribute.Name + "(" + string.Join(", ", Service.Select(a => a.ToSource())) + ")]\n")
        + string.Concat(Sidecars.Select(s => s.ToSource() + "\n"))
        + "public partial class Program;\n";

    public override string ToString() => ToSource();
}

/// <summary>One member an attribute usage can set: a constructor parameter or a public settable property.</summary>
internal sealed record AttributeMember(string Name, Type Type, bool Parameter, bool Required);

/// <summary>An attribute SidecarGen reads, as written in source (<c>LoggingSidecar</c>), and the members it can set.</summary>
internal sealed record FuzzedAttribute(Type Type, ImmutableArray<AttributeMember> Members)
{
    public string Name => Type.Name[..^"Attribute".Length];

    /// <summary>Found by reflection: the parameters of the widest public constructor, then every public property with a public setter.</summary>
    public static FuzzedAttribute Of(Type type)
    {
        var parameters = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters()
            .Select(p => new AttributeMember(p.Name!, p.ParameterType, Parameter: true, Required: !p.HasDefaultValue));
        var properties = SidecarKindsTests.SettableProperties(type)
            .Select(p => new AttributeMember(p.Name, p.PropertyType, Parameter: false, Required: false));
        return new FuzzedAttribute(type, parameters.Concat(properties).ToImmutableArray());
    }
}

/// <summary>
/// Generators for attribute values meant to break a YAML writer: YAML syntax, scalars that resolve
/// to other types, control characters, Unicode, empty and 10 KB strings, extreme numbers — mixed
/// with plausible values so that many cases also get through validation and are written.
/// The attributes and their members are found by reflection over SidecarGen.Abstractions (every kind
/// of <see cref="SidecarKinds.All"/> and <c>[SidecarService]</c>), each value generated from its
/// member's type, so a property added to an attribute is fuzzed without a change here.
/// </summary>
internal static class HostileInput
{
    public static readonly FuzzedAttribute ServiceAttribute = FuzzedAttribute.Of(typeof(SidecarServiceAttribute));

    public static readonly ImmutableArray<FuzzedAttribute> SidecarAttributes =
        SidecarKinds.All.Select(kind => FuzzedAttribute.Of(kind.AttributeType)).ToImmutableArray();

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

    /// <summary>
    /// An optional bias towards values that pass validation, keyed by <c>Attribute.member</c> or by the
    /// member's name alone; used only when the member is a string or a string array (then for its items).
    /// A member missing here is fuzzed from its type alone.
    /// </summary>
    private static readonly Dictionary<string, string[]> ValidText = new(StringComparer.Ordinal)
    {
        ["Sidecar.name"] = new[] { "cache", "proxy", "sidecar-a", "x1", "echo" },
        ["Sidecar.image"] = new[] { "redis:7.4.1", "example/echo:1.0", "registry.example.com/a/b:2" },
        ["SidecarService.name"] = new[] { "svc", "order-service" },
        ["SidecarService.Image"] = new[] { "app:1.0.0" },
        ["SidecarService.CpuRequest"] = new[] { "2", "500m" },
        ["SidecarService.MemoryLimit"] = new[] { "1Gi" },
        ["Name"] = new[] { "log-agent", "edge", "helper-b", "tap", "aux-1", "side" },
        ["Image"] = new[] { "fluent/fluent-bit:4.0.3", "envoyproxy/envoy:v1.32.1", "example/echo:1.0" },
        ["CpuRequest"] = new[] { "10m", "50m" },
        ["MemoryRequest"] = new[] { "32Mi", "64Mi" },
        ["CpuLimit"] = new[] { "200m", "1" },
        ["MemoryLimit"] = new[] { "96Mi", "128Mi" },
        ["HealthPath"] = new[] { "/healthz" },
        ["LivenessPath"] = new[] { "/alive", "/healthz" },
        ["Calls"] = new[] { "payments", "IdentityUrl=identity-api", "Catalog:Url=catalog-api" },
        ["ExternalServices"] = new[] { "identity-api=https://identity.example.com", "billing=http://billing.example.com:8080" },
        ["ForwardEndpoint"] = new[] { "http://tempo.monitoring:4317", "https://otel.example.com:4317" },
        ["LogPath"] = new[] { "/var/log/app", "/logs" },
        ["Endpoint"] = new[] { "http://loki:3100", "https://es.example.com" },
        ["VolumeSizeLimit"] = new[] { "1Gi", "256Mi" },
        ["IssuerUrl"] = new[] { "https://login.example.com/realms/shop" },
        ["SecretName"] = new[] { "order-auth" },
        ["Provider"] = new[] { "oidc", "github" },
        ["TlsSecretName"] = new[] { "mesh-tls", "app-tls" },
        ["Key"] = new[] { "config/app", "/config/x" },
        ["Args"] = new[] { "--verbose", "-c", "/etc/x.conf", "" },
        ["Env"] = new[] { "MODE=fast", "LEVEL=debug", "EMPTY=" },
        ["Capabilities"] = new[] { "NET_ADMIN", "SYS_PTRACE" },
        ["EmailDomains"] = new[] { "example.com", "*" },
        ["Upstreams"] = new[] { "ledger=ledger.svc:8080", "fx=fx.example.com:443" },
        ["Address"] = new[] { "http://consul:8500", "http://etcd:2379" },
        ["MountPath"] = new[] { "/etc/app/config", "/logs", "/tmp" },
    };

    /// <summary>The same for int members whose plausible range is not a port's.</summary>
    private static readonly Dictionary<string, Gen<int>> ValidNumber = new(StringComparer.Ordinal)
    {
        ["Replicas"] = Gen.Int[-1, 5],
        ["MinReplicas"] = Gen.Int[-1, 5],
        ["MaxReplicas"] = Gen.Int[-1, 8],
        ["TargetCpuUtilization"] = Gen.Int[0, 101],
        ["TargetMemoryUtilization"] = Gen.Int[-1, 101],
        ["TargetRequestsPerSecond"] = Gen.Int[-1, 200],
    };

    /// <summary>
    /// How many plausible values (a port, a defined enum value, one from the tables above) a member
    /// gets for each hostile one. An attribute has a dozen or more members, so a case must pass member
    /// by member nearly always for a good share of cases to pass validation and be written.
    /// </summary>
    private const int Plausibly = 12;

    private static readonly Gen<string> Tricky = Gen.Char["abc:-# {}[]\"'\\\n\t$*&!|>%@`=/._\u00e9\u2028"].Array[0, 24].Select(chars => new string(chars));

    public static readonly Gen<string> Text = Gen.Frequency(
        (4, Gen.OneOf<string>(Plausible)),
        (3, Gen.OneOf<string>(Nasty)),
        (2, Tricky),
        (1, Gen.OneOf<string>(new string('x', 10_240), new string('\u00e9', 5000) + ": #")));

    public static readonly Gen<int> Number = Gen.Frequency(
        (Plausibly, Gen.Int[1, 65535]),
        (1, Gen.OneOf<int>(0, -1, 65536, 70000, int.MaxValue, int.MinValue)));

    /// <summary>Text, now and then null (the reader keeps the attribute's default for a null named argument).</summary>
    private static readonly Gen<string?> TextOrNull = Gen.Frequency((15, Text.Select(t => (string?)t)), (1, Gen.Const<string?>((string?)null)));

    /// <summary>A value for <paramref name="member"/> of <paramref name="attribute"/>, chosen by its type, biased by its name.</summary>
    private static Gen<object?> Value(string attribute, AttributeMember member)
    {
        var type = member.Type;
        if (type == typeof(string))
        {
            return (Valid(ValidText, attribute, member) is { } valid
                ? Gen.Frequency((Plausibly, Gen.OneOf<string>(valid).Select(v => (string?)v)), (1, TextOrNull))
                : TextOrNull).Select(v => (object?)v);
        }

        if (type == typeof(int))
        {
            return (Valid(ValidNumber, attribute, member) ?? Number).Select(v => (object?)v);
        }

        if (type == typeof(bool))
        {
            return Gen.Bool.Select(v => (object?)v);
        }

        if (type.IsEnum && Enum.GetUnderlyingType(type) == typeof(int))
        {
            // Mostly a defined value (or a combination of flags); sometimes any number at all.
            var defined = Enum.GetValues(type).Cast<object>().Select(v => Convert.ToInt32(v, CultureInfo.InvariantCulture)).ToArray();
            var flags = type.IsDefined(typeof(FlagsAttribute), false)
                ? Gen.OneOf<int>(defined).Array[2].Select(pair => pair[0] | pair[1])
                : Gen.OneOf<int>(defined);
            return Gen.Frequency((Plausibly, Gen.OneOf<int>(defined)), (1, flags), (1, Gen.Int[-2, 64]), (1, Gen.Int))
                .Select(v => (object?)new EnumValue(type, v));
        }

        if (type == typeof(string[]))
        {
            var any = TextOrNull.Array[0, 4];
            var items = Valid(ValidText, attribute, member) is { } valid
                ? Gen.Frequency((Plausibly, Gen.OneOf<string>(valid).Array[0, 3].Select(a => a.Distinct().ToArray<string?>())), (1, any))
                : any;
            return Gen.Frequency((15, items.Select(v => (object?)v)), (1, Gen.Const<object?>((object?)null)));
        }

        if (type == typeof(int[]))
        {
            return Number.Array[0, 3].Select(v => (object?)v);
        }

        throw new NotSupportedException($"HostileInput has no generator for {type} ({attribute}.{member.Name}): add one for the type");
    }

    private static T? Valid<T>(Dictionary<string, T> table, string attribute, AttributeMember member) where T : class =>
        table.TryGetValue(attribute + "." + member.Name, out var qualified) ? qualified
        : table.TryGetValue(member.Name, out var any) ? any
        : null;

    /// <summary>Each required constructor parameter is written; every other member is written or left out, at random.</summary>
    private static Gen<Argument[]> Arguments(FuzzedAttribute attribute)
    {
        var result = Gen.Const(ImmutableList<Argument>.Empty);
        foreach (var member in attribute.Members)
        {
            var value = Value(attribute.Name, member).Select(v => (Argument?)new Argument(member.Name, member.Parameter, v));
            var maybe = member.Required ? value : Gen.Frequency((1, Gen.Const<Argument?>((Argument?)null)), (1, value));
            result = result.SelectMany(list => maybe.Select(argument => argument is null ? list : list.Add(argument)));
        }

        return result.Select(list => list.ToArray());
    }

    private static readonly Gen<Argument[]?> Service = Gen.Bool.SelectMany(present => present
        ? Arguments(ServiceAttribute).Select(a => (Argument[]?)a)
        : Gen.Const<Argument[]?>((Argument[]?)null));

    private static readonly Gen<SidecarCase>[] Sidecars = SidecarAttributes
        .Select(attribute => Arguments(attribute).Select(a => new SidecarCase(attribute.Name, a)))
        .ToArray();

    /// <summary>The name <c>[Sidecar(name, image)]</c> is written with; each other kind may be used once per service.</summary>
    public static readonly string Generic = FuzzedAttribute.Of(SidecarKinds.Generic.AttributeType).Name;

    /// <summary>A service with up to four sidecars, each built-in kind at most once plus custom ones.</summary>
    public static readonly Gen<ServiceCase> Services = Gen.Select(
        Service,
        Gen.Int[0, 4].SelectMany(count => Gen.OneOf(Sidecars).Array[count]))
        .Select((service, sidecars) => new ServiceCase(service, sidecars.Where((s, i) => s.Attribute == Generic || sidecars.Take(i).All(earlier => earlier.Attribute != s.Attribute)).ToArray()));
}
