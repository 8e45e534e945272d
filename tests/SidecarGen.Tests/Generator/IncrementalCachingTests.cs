using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Generator;

/// <summary>
/// The generator re-runs on every keystroke: an edit that does not touch the sidecar attributes must
/// leave every SidecarGen step cached, and no step may hold compiler objects that keep a whole
/// compilation alive.
/// </summary>
public sealed class IncrementalCachingTests
{
    private static readonly string[] TrackedSteps = { TrackingNames.Declared, TrackingNames.Service, TrackingNames.Settings, TrackingNames.Manifests, TrackingNames.Description };

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached()
    {
        var compilation = GeneratorHarness.Compile(Sources.OrderService, "public static class Helpers { public static int Answer() => 41; }");
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.ElementAt(1),
            CSharpSyntaxTree.ParseText("public static class Helpers { public static int Answer() => 42; }", (CSharpParseOptions)compilation.SyntaxTrees.First().Options, path: "Source1.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} was not tracked");
            var reasons = result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.All(reasons, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {reason}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Moving_the_attributes_down_a_line_changes_no_output()
    {
        var compilation = GeneratorHarness.Compile(Sources.OrderService);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText("// a comment above\n" + Sources.OrderService, (CSharpParseOptions)compilation.SyntaxTrees.First().Options, path: "Source0.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        // The description says where the attributes are without offsets or lines, so the reference assembly stays as it was.
        foreach (var step in TrackedSteps)
        {
            Assert.All(result.TrackedSteps[step].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {o.Reason}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void An_edit_to_a_sidecar_attribute_reruns_the_pipeline_and_changes_the_output()
    {
        var compilation = GeneratorHarness.Compile(Sources.OrderService);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var before = GeneratedOutput.From(driver.GetRunResult().GeneratedTrees);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText(Sources.OrderService.Replace("Port = 8080)", "Port = 8080, Replicas = 3)"), (CSharpParseOptions)compilation.SyntaxTrees.First().Options, path: "Source0.cs"));
        driver = driver.RunGenerators(edited);
        var result = driver.GetRunResult().Results.Single();
        var after = GeneratedOutput.From(driver.GetRunResult().GeneratedTrees);

        Assert.Contains(result.TrackedSteps[TrackingNames.Manifests].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("replicas: 2", before["kubernetes/deployment.yaml"]);
        Assert.Contains("replicas: 3", after["kubernetes/deployment.yaml"]);
    }

    [Fact]
    public void An_edit_to_a_custom_sidecar_attribute_class_in_another_file_reaches_the_output()
    {
        static string Vault(string image) => $$"""
            using SidecarGen;

            [SidecarConcern(SidecarConcerns.Configuration)]
            public sealed class VaultSidecarAttribute : SidecarAttribute
            {
                public VaultSidecarAttribute() : base("vault", "{{image}}") { }
            }
            """;
        var compilation = GeneratorHarness.Compile(Sources.Program("VaultSidecar"), Vault("hashicorp/vault:1.17.6"));
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.ElementAt(1),
            CSharpSyntaxTree.ParseText(Vault("hashicorp/vault:1.18.1"), (CSharpParseOptions)compilation.SyntaxTrees.First().Options, path: "Source1.cs"));
        driver = driver.RunGenerators(edited);

        var deployment = GeneratedOutput.From(driver.GetRunResult().GeneratedTrees)["kubernetes/deployment.yaml"];
        Assert.Contains("image: hashicorp/vault:1.18.1", deployment);
        Assert.DoesNotContain("1.17.6", deployment);
    }

    /// <summary>
    /// What keeps an edit cheap in a large project: no step of the pipeline, SidecarGen's or the
    /// driver's own, keeps an entry per syntax tree (ForAttributeWithMetadataName and CreateSyntaxProvider
    /// both would). docs/performance.md measures what that saves.
    /// </summary>
    [Fact]
    public void No_step_grows_with_the_number_of_files()
    {
        static int Outputs(int files)
        {
            var sources = new[] { Sources.OrderService }.Concat(Enumerable.Range(1, files).Select(i => $"namespace App.Features; public class Feature{i} {{ }}"));
            var result = GeneratorHarness.Driver().RunGenerators(GeneratorHarness.Compile(sources.ToArray())).GetRunResult().Results.Single();
            return result.TrackedSteps.Values.SelectMany(steps => steps).Sum(step => step.Outputs.Length);
        }

        Assert.Equal(Outputs(1), Outputs(50));
    }

    [Fact]
    public void No_step_holds_a_compilation_symbol_syntax_node_or_location()
    {
        var driver = GeneratorHarness.Driver().RunGenerators(GeneratorHarness.Compile(Sources.OrderService));
        var result = driver.GetRunResult().Results.Single();

        foreach (var (name, steps) in result.TrackedSteps.Where(s => s.Key.StartsWith("SidecarGen.", StringComparison.Ordinal)))
        {
            foreach (var output in steps.SelectMany(s => s.Outputs))
            {
                AssertHoldsNoCompilerObjects(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static void AssertHoldsNoCompilerObjects(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value))
        {
            return;
        }

        Assert.False(value is Compilation or ISymbol or SyntaxNode or SyntaxTree or Location or SemanticModel, $"{path} holds a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                AssertHoldsNoCompilerObjects(item, $"{path}[{index++}]", visited);
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertHoldsNoCompilerObjects(field.GetValue(value), $"{path}.{field.Name}", visited);
        }
    }
}
