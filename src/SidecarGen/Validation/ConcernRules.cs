using System.Collections.Generic;
using SidecarGen.Model;
using SidecarGen.Reading;

namespace SidecarGen.Validation;

/// <summary>SCG0001 (a sidecar with several concerns) and SCG0004 (two sidecars with one concern).</summary>
internal static class ConcernRules
{
    public static void Check(ValidationContext context)
    {
        var owners = new Dictionary<Concerns, string>();
        foreach (var sidecar in context.Declaration.Sidecars)
        {
            var declared = (Concerns)(sidecar.Arguments.GetInt("Concerns") ?? 0);
            var concerns = sidecar.ClassConcerns | declared;
            var name = NameRules.SidecarName(sidecar);
            if (AttributeReader.CountFlags(concerns) > 1)
            {
                // On the Concerns argument when that is what added a concern, else on the attribute
                // (its class declares several).
                var argument = declared != Concerns.None ? "Concerns" : null;
                context.Report(RuleIds.SeveralConcerns, sidecar.Ordinal, argument, $"The sidecar '{name}' has several concerns ({concerns}); a sidecar takes over one", fixValue: concerns.ToString());
            }

            foreach (Concerns concern in System.Enum.GetValues(typeof(Concerns)))
            {
                if (concern == Concerns.None || (concerns & concern) == 0)
                {
                    continue;
                }

                if (owners.TryGetValue(concern, out var owner))
                {
                    context.Report(RuleIds.DuplicateConcern, sidecar.Ordinal, null, $"The sidecars '{owner}' and '{name}' both handle {concern}");
                }
                else
                {
                    owners.Add(concern, name);
                }
            }
        }
    }
}
