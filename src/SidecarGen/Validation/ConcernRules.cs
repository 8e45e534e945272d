using SidecarGen.Rules;

namespace SidecarGen.Validation;

/// <summary>SCG0001 (a sidecar with several concerns) and SCG0004 (two sidecars with one concern).</summary>
internal static class ConcernRules
{
    private static readonly SidecarConcerns[] Concerns = (SidecarConcerns[])System.Enum.GetValues(typeof(SidecarConcerns));

    public static void Check(ValidationContext context)
    {
        // Who took each concern, by its place in Concerns: an array rather than a dictionary keyed by the
        // enum, whose code a new compiler process would JIT-compile first.
        var owners = new string?[Concerns.Length];
        foreach (var sidecar in context.Declaration.Sidecars)
        {
            var declared = sidecar.Options.Common.Concerns;
            var concerns = sidecar.Concerns;
            var findings = context.Findings.For(sidecar.Ordinal);
            if (CountFlags(concerns) > 1)
            {
                // On the Concerns argument when that is what added a concern, else on the attribute
                // (its class declares several).
                var argument = declared != SidecarConcerns.None ? nameof(SidecarAttribute.Concerns) : null;
                findings.Report(RuleIds.SeveralConcerns, argument, $"The sidecar '{sidecar.Name}' has several concerns ({concerns}); a sidecar takes over one", fixValue: concerns.ToString());
            }

            for (var i = 0; i < Concerns.Length; i++)
            {
                var concern = Concerns[i];
                if (concern == SidecarConcerns.None || (concerns & concern) == 0)
                {
                    continue;
                }

                if (owners[i] is { } owner)
                {
                    findings.Report(RuleIds.DuplicateConcern, null, $"The sidecars '{owner}' and '{sidecar.Name}' both handle {concern}");
                }
                else
                {
                    owners[i] = sidecar.Name;
                }
            }
        }
    }

    private static int CountFlags(SidecarConcerns concerns)
    {
        var count = 0;
        for (var value = (int)concerns; value != 0; value &= value - 1)
        {
            count++;
        }

        return count;
    }
}
