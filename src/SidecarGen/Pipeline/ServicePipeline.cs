using SidecarGen.Emit;
using SidecarGen.Model;
using SidecarGen.Planning;
using SidecarGen.Pod;
using SidecarGen.Validation;

namespace SidecarGen.Pipeline;

/// <summary>
/// The one place that knows the order of the steps for a service:
/// read → check the options → plan (for a network) → check the plan → write.
/// Reading happens before (the generator from Roslyn, a system from descriptions); the checks never
/// plan, the planner never checks, the writers never do either. Whatever network a plan is made for
/// (the service alone, a system's Kubernetes, a system's Compose), it is checked before it is written.
/// </summary>
internal static class ServicePipeline
{
    // The generator and the analyzers check the same service in one compilation; this does it once.
    private static readonly LastResult<Input, PipelineResult> Last = new(input => CheckNew(input.Declaration, input.Settings, input.Network));

    /// <summary>The service's own build: its files, or the errors that keep them from being written.</summary>
    public static EmbeddedManifests Render(ServiceDeclaration? declaration, BuildSettings settings)
    {
        if (declaration is null)
        {
            return EmbeddedManifests.None;
        }

        var result = Check(declaration, settings);
        return result.Plan is { } plan
            ? ManifestEmbedding.Generated(ServiceFiles.Write(plan))
            : ManifestEmbedding.Blocked(result.Errors);
    }

    /// <summary>The service planned alone, with every finding about it.</summary>
    public static PipelineResult Check(ServiceDeclaration declaration, BuildSettings settings) =>
        Check(declaration, settings, ServiceNetwork.Standalone);

    /// <summary>The service planned for <paramref name="network"/>, with every finding about its options and that plan; no plan while an error stands.</summary>
    public static PipelineResult Check(ServiceDeclaration declaration, BuildSettings settings, ServiceNetwork network) =>
        Last.Of(new Input(declaration, settings, network));

    private static PipelineResult CheckNew(ServiceDeclaration declaration, BuildSettings settings, ServiceNetwork network)
    {
        var context = new ValidationContext(declaration, settings);
        ServiceValidator.CheckOptions(context);

        // The Pod as a whole (every container's ports, mounts and variables) is only meaningful for input the planner accepts.
        if (context.Findings.HasErrors)
        {
            return new PipelineResult(context.Findings.Items.ToEquatableArray(), null);
        }

        var plan = ServicePlanner.Plan(declaration, settings, network);
        ServiceValidator.CheckPlan(context, plan);
        return new PipelineResult(context.Findings.Items.ToEquatableArray(), context.Findings.HasErrors ? null : plan);
    }

    private sealed record Input(ServiceDeclaration Declaration, BuildSettings Settings, ServiceNetwork Network);
}
