using System.Collections.Immutable;
using CsCheck;
using k8s.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
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
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(SidecarGenerator).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    [Fact]
    public void Random_attribute_sets_never_crash_and_never_write_a_file_that_says_something_else()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("SIDECARGEN_PROPERTY_ITERATIONS"), out var n) ? n : 1000;
        var seed = Environment.GetEnvironmentVariable("SIDECARGEN_PROPERTY_SEED") ?? DefaultSeed;
        var cases = HostileInput.Services.Array[iterations].Single(_ => true, seed);

        var written = 0;
        foreach (var service in cases)
        {
            try
            {
                written += Check(service) ? 1 : 0;
            }
            catch (Exception exception)
            {
                throw new Xunit.Sdk.XunitException($"Failed for (seed {seed}):\n{service.ToSource()}\n{exception}");
            }
        }

        // The generators aim at both outcomes; a run that never writes (or never refuses) proves little.
        Assert.InRange(written, iterations / 10, iterations - (iterations / 10));
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
            Assert.IsNotType<V1Secret>(KubernetesObjects.Load(text)[0]);
        }

        ComposeSchema.AssertValid(output["compose/compose.yaml"]);
        var pod = KubernetesObjects.Deployment(output).Spec.Template.Spec;
        Assert.Equal(service.Sidecars.Length + 1, pod.AllContainers().Count());
        Assert.All(pod.Volumes.Select(v => v.Name).Concat(pod.AllContainers().SelectMany(c => (c.Ports ?? new List<V1ContainerPort>()).Select(p => p.Name))), name => Assert.Matches("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", name));
        Assert.All(pod.AllContainers(), c => Assert.Equal((c.VolumeMounts ?? new List<V1VolumeMount>()).Count, (c.VolumeMounts ?? new List<V1VolumeMount>()).Select(m => m.MountPath.TrimEnd('/')).Distinct().Count()));
        var compose = YamlJson.Parse(output["compose/compose.yaml"]);
        Assert.Equal(service.Sidecars.Length + 1, compose["services"]!.AsObject().Count);
        Assert.Equal(new[] { "name", "services", "volumes", "secrets" }.Intersect(compose.AsObject().Select(p => p.Key)), compose.AsObject().Select(p => p.Key));

        foreach (var custom in service.Sidecars.Where(s => s.Attribute == "Sidecar"))
        {
            CarriesExactly(custom, pod, compose);
        }

        return true;
    }

    /// <summary>The custom sidecar's strings, exactly, in both outputs (Compose's with <c>$</c> escaped as <c>$$</c>).</summary>
    private static void CarriesExactly(SidecarCase custom, V1PodSpec pod, System.Text.Json.Nodes.JsonNode compose)
    {
        var name = custom.Get<string>("name")!;
        var container = pod.Container(name);
        var service = compose["services"]![name]!;
        Assert.Equal(custom.Get<string>("image"), container.Image);
        Assert.Equal(custom.Get<string>("image")!.Replace("$", "$$"), (string?)service["image"]);

        var args = custom.Get<string[]>("Args") ?? Array.Empty<string>();
        Assert.Equal(args, container.Args ?? new List<string>());
        Assert.Equal(args.Select(a => a.Replace("$", "$$")), service["command"]?.AsArray().Select(a => (string)a!) ?? Enumerable.Empty<string>());

        var env = (custom.Get<string[]>("Env") ?? Array.Empty<string>()).Select(e => (Name: e[..e.IndexOf('=')], Value: e[(e.IndexOf('=') + 1)..])).ToList();
        Assert.Equal(env, (container.Env ?? new List<V1EnvVar>()).Select(e => (e.Name, e.Value)));
        Assert.Equal(env.Select(e => (e.Name, e.Value.Replace("$", "$$"))), service["environment"]?.AsObject().Select(p => (p.Key, (string)p.Value!)) ?? Enumerable.Empty<(string, string)>());
    }
}
