using System.Collections.Immutable;
using System.Reflection;
using CsCheck;
using k8s.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SidecarGen.Sidecars;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.PropertyBased;

/// <summary>
/// Thousands of random, hostile attribute sets through the generator. For each: no exception; and
/// either an SCG error explains why nothing was written, or every file parses, reads back strictly,
/// validates against the Compose schema and carries every string exactly as written.
/// The seed is fixed so CI is repeatable; <c>SIDECARGEN_PROPERTY_ITERATIONS</c> and
/// <c>SIDECARGEN_PROPERTY_SEED</c> run it longer or elsewhere.
/// </summary>
public sealed class HostileInputTests
{
    private const string DefaultSeed = "0000000030V7";

    /// <summary>What the generators of this test fuzzed before they were found by reflection: reflection must find at least these.</summary>
    private static readonly string[] HandListed =
    {
        "Sidecar(name)", "Sidecar(image)", "Sidecar.Ports", "Sidecar.Args", "Sidecar.Env", "Sidecar.CpuRequest", "Sidecar.MemoryLimit", "Sidecar.Capabilities", "Sidecar.RunAsRoot",
        "LoggingSidecar.LogPath", "LoggingSidecar.Endpoint", "LoggingSidecar.Output", "LoggingSidecar.Agent", "LoggingSidecar.Name", "LoggingSidecar.Image",
        "AuthProxySidecar.IssuerUrl", "AuthProxySidecar.SecretName", "AuthProxySidecar.EmailDomains", "AuthProxySidecar.Port", "AuthProxySidecar.Provider",
        "MetricsSidecar.ScrapePort", "MetricsSidecar.OtlpPort",
        "ServiceMeshSidecar.Upstreams", "ServiceMeshSidecar.Mtls", "ServiceMeshSidecar.Retries", "ServiceMeshSidecar.TimeoutSeconds", "ServiceMeshSidecar.TlsSecretName", "ServiceMeshSidecar.InboundPort",
        "ConfigWatcherSidecar.Key", "ConfigWatcherSidecar.Address", "ConfigWatcherSidecar.MountPath", "ConfigWatcherSidecar.Source",
        "TlsTerminationSidecar.Port", "TlsTerminationSidecar.TlsSecretName",
        "SidecarService(name)", "SidecarService.Image", "SidecarService.Port", "SidecarService.Replicas", "SidecarService.HealthPath", "SidecarService.CpuRequest", "SidecarService.MemoryLimit",
    };

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(SidecarGenerator).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    [Fact]
    public void Random_attribute_sets_never_crash_and_never_write_a_file_that_says_something_else()
    {
        var cases = Cases(out var seed);

        var written = 0;
        var membersWritten = new HashSet<string>();
        foreach (var service in cases)
        {
            try
            {
                if (Check(service))
                {
                    written++;
                    membersWritten.UnionWith(Members(service));
                }
            }
            catch (Exception exception)
            {
                throw new Xunit.Sdk.XunitException($"Failed for (seed {seed}):\n{service.ToSource()}\n{exception}");
            }
        }

        // The generators aim at both outcomes; a run that never writes (or never refuses) proves little.
        Assert.InRange(written, cases.Length / 10, cases.Length - (cases.Length / 10));

        // And every member the attributes have was set in at least one service that got written.
        Assert.Empty(Reflected().Except(membersWritten));
    }

    [Fact]
    public void The_fuzzed_members_are_every_constructor_parameter_and_settable_property_of_every_attribute()
    {
        var reflected = Reflected();
        var fuzzed = Cases(out _).SelectMany(Members).ToHashSet();

        Assert.Equal(reflected.Order(), fuzzed.Order());
        Assert.Superset(HandListed.ToHashSet(), reflected);
    }

    /// <summary>
    /// Every member of every attribute SidecarGen reads, found afresh: each kind's attribute and
    /// <c>[SidecarService]</c>; the parameters of every public constructor, as <c>Attribute(name)</c>;
    /// every public instance property with a public setter, as <c>Attribute.Name</c>.
    /// </summary>
    private static HashSet<string> Reflected() =>
        SidecarKinds.All.Select(kind => kind.AttributeType).Append(typeof(SidecarServiceAttribute))
            .SelectMany(type =>
            {
                var name = type.Name[..^"Attribute".Length];
                return type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => name + "(" + p.Name + ")")
                    .Concat(type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }).Select(p => name + "." + p.Name));
            })
            .ToHashSet();

    /// <summary>The members a case sets, named as <see cref="Reflected"/> names them.</summary>
    private static IEnumerable<string> Members(ServiceCase service) =>
        (service.Service ?? Array.Empty<Argument>()).Select(a => HostileInput.ServiceAttribute.Name + a.Member)
            .Concat(service.Sidecars.SelectMany(s => s.Arguments.Select(a => s.Attribute + a.Member)));

    private static ServiceCase[] Cases(out string seed)
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("SIDECARGEN_PROPERTY_ITERATIONS"), out var n) ? n : 1000;
        seed = Environment.GetEnvironmentVariable("SIDECARGEN_PROPERTY_SEED") ?? DefaultSeed;
        return HostileInput.Services.Array[iterations].Single(_ => true, seed);
    }

    /// <returns>True when the service was written, false when an SCG error blocked it.</returns>
    private static bool Check(ServiceCase service)
    {
        var output = GeneratorHarness.Run(service.ToSource());
        if (service.Service is null && service.Sidecars.Length == 0)
        {
            Assert.Null(output.Status);
            return false;
        }

        if (output.Status == "Blocked")
        {
            Assert.Empty(output.Files);
            var compilation = GeneratorHarness.Compile(service.ToSource());
            var diagnostics = compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            Assert.Contains(diagnostics, d => d.Id.StartsWith("SCG", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error);
            return false;
        }

        Assert.Equal("Generated", output.Status);
        foreach (var (path, text) in output.Files)
        {
            Assert.DoesNotContain("\r", text);
            if (path.EndsWith(".yaml", StringComparison.Ordinal))
            {
                YamlJson.Parse(text);
            }
        }

        foreach (var (_, text) in output.KubernetesObjects)
        {
            // An add-on's custom resource (a Certificate for CertificateIssuer) has no KubernetesClient type.
            Assert.NotEqual("Secret", (string?)YamlJson.Parse(text)["kind"]);
            if (!KubernetesObjects.IsCustomResource(text))
            {
                Assert.IsNotType<V1Secret>(KubernetesObjects.Load(text)[0]);
            }
        }

        ComposeSchema.AssertValid(output["compose/compose.yaml"]);
        var pod = KubernetesObjects.Deployment(output).Spec.Template.Spec;
        var running = service.Sidecars.Where(sidecar => !Injected(sidecar)).ToList();
        Assert.Equal(running.Count + 1, pod.AllContainers().Count(c => !pod.IsOneShot(c)));
        Assert.All(pod.Volumes.Select(v => v.Name).Concat(pod.AllContainers().SelectMany(c => (c.Ports ?? new List<V1ContainerPort>()).Select(p => p.Name))), name => Assert.Matches("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", name));
        Assert.All(pod.AllContainers(), c => Assert.Equal((c.VolumeMounts ?? new List<V1VolumeMount>()).Count, (c.VolumeMounts ?? new List<V1VolumeMount>()).Select(m => m.MountPath.TrimEnd('/')).Distinct().Count()));

        // A Secret's keys are mounted at /run/secrets/<secret>, from a volume of that very Secret.
        var secrets = pod.Volumes.Where(v => v.Secret is not null).ToDictionary(v => v.Name, v => v.Secret.SecretName);
        Assert.All(pod.AllContainers().SelectMany(c => c.VolumeMounts ?? new List<V1VolumeMount>()).Where(m => secrets.ContainsKey(m.Name)), m => Assert.Equal("/run/secrets/" + secrets[m.Name], m.MountPath));
        var compose = YamlJson.Parse(output["compose/compose.yaml"]);
        Assert.Equal(running.Count, ComposeLifecycle.AssertMirrorsThePod(output["compose/compose.yaml"], (string)compose["name"]!).Count);
        Assert.Equal(new[] { "name", "services", "volumes", "secrets" }.Intersect(compose.AsObject().Select(p => p.Key)), compose.AsObject().Select(p => p.Key));

        foreach (var sidecar in running)
        {
            CarriesExactly(sidecar, pod, compose);
        }

        return true;
    }

    /// <summary>A mesh sidecar whose proxy Istio or Linkerd injects: it has no container of SidecarGen's.</summary>
    private static bool Injected(SidecarCase sidecar) =>
        sidecar.Attribute == "ServiceMeshSidecar"
        && sidecar.Arguments.LastOrDefault(a => a.Name == nameof(ServiceMeshSidecarAttribute.Mesh))?.Value is EnumValue { Value: (int)MeshProvider.Istio or (int)MeshProvider.Linkerd };

    /// <summary>
    /// The sidecar's strings, exactly, in both outputs (Compose's with <c>$</c> escaped as <c>$$</c>): a
    /// custom sidecar's name, image, args and env are all it has; a built-in one keeps its name and any
    /// image written, and the args and env written come after its own.
    /// </summary>
    private static void CarriesExactly(SidecarCase sidecar, V1PodSpec pod, System.Text.Json.Nodes.JsonNode compose)
    {
        var custom = sidecar.Attribute == HostileInput.Generic;
        var name = sidecar.Effective(nameof(SidecarAttribute.Name)) ?? DefaultName(sidecar.Attribute);
        var container = pod.Container(name);
        var service = compose["services"]![(string)compose["name"]! + "-" + name]!;
        if (sidecar.Effective(nameof(SidecarAttribute.Image)) is { Length: > 0 } image)
        {
            Assert.Equal(image, container.Image);
            Assert.Equal(image.Replace("$", "$$"), (string?)service["image"]);
        }

        var args = (sidecar.Get<string[]>(nameof(SidecarAttribute.Args)) ?? Array.Empty<string>()).Select(a => a ?? string.Empty).ToList();
        Assert.Equal(args, Tail(container.Args ?? new List<string>(), args.Count, custom));
        Assert.Equal(args.Select(a => a.Replace("$", "$$")), Tail(service["command"]?.AsArray().Select(a => (string)a!).ToList() ?? new List<string>(), args.Count, custom));

        var env = (sidecar.Get<string[]>(nameof(SidecarAttribute.Env)) ?? Array.Empty<string>()).Select(e => (Name: e[..e.IndexOf('=')], Value: e[(e.IndexOf('=') + 1)..])).ToList();
        Assert.Equal(env, Tail((container.Env ?? new List<V1EnvVar>()).Select(e => (e.Name, e.Value)).ToList(), env.Count, custom));
        Assert.Equal(env.Select(e => (e.Name, e.Value.Replace("$", "$$"))), Tail(service["environment"]?.AsObject().Select(p => (p.Key, (string)p.Value!)).ToList() ?? new List<(string, string)>(), env.Count, custom));
    }

    /// <summary>All of <paramref name="items"/> when they must be exactly what was written, else their last <paramref name="count"/>.</summary>
    private static IEnumerable<T> Tail<T>(IList<T> items, int count, bool all) => all ? items : items.Skip(items.Count - count);

    /// <summary>The name a built-in sidecar's attribute gives itself.</summary>
    private static string DefaultName(string attribute) =>
        ((SidecarAttribute)Activator.CreateInstance(HostileInput.SidecarAttributes.Single(a => a.Name == attribute).Type)!).Name;
}
