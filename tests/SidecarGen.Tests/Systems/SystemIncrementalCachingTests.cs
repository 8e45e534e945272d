using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Systems;

/// <summary>The system's generator re-renders only when a description or a setting changes.</summary>
public sealed class SystemIncrementalCachingTests
{
    [Fact]
    public void An_edit_to_the_system_projects_own_code_leaves_the_system_cached()
    {
        var inputs = SystemHarness.Inputs(Shop.All);
        var driver = SystemHarness.Driver(inputs).RunGenerators(inputs.Compilation);

        var edited = inputs.Compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Shop; internal static class More { }", path: "/system/More.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.All(result.TrackedSteps[TrackingNames.System].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void A_changed_service_description_reaches_the_output()
    {
        var inputs = SystemHarness.Inputs(Shop.All);
        var driver = SystemHarness.Driver(inputs).RunGenerators(inputs.Compilation);
        var changed = SystemHarness.Inputs(new[] { Shop.Storefront, Shop.Orders, Shop.Of("Ledger", "SidecarService(\"ledger\", Replicas = 5)") });

        driver = driver.ReplaceAdditionalText(inputs.Files[2], changed.Files[2]).RunGenerators(inputs.Compilation);
        var result = driver.GetRunResult();

        Assert.Contains(result.Results.Single().TrackedSteps[TrackingNames.System].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("replicas: 5", GeneratedOutput.From(result.GeneratedTrees)["kubernetes/ledger/deployment.yaml"], StringComparison.Ordinal);
    }

    [Fact]
    public void No_step_holds_a_compilation_symbol_syntax_node_or_location()
    {
        var inputs = SystemHarness.Inputs(Shop.All);
        var result = SystemHarness.Driver(inputs).RunGenerators(inputs.Compilation).GetRunResult().Results.Single();

        foreach (var output in result.TrackedSteps.SelectMany(step => step.Value).SelectMany(s => s.Outputs))
        {
            Assert.False(output.Value is Compilation or ISymbol or SyntaxNode or Location, output.Value.GetType().Name);
        }
    }
}
