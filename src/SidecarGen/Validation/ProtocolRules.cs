using SidecarGen.Rules;
using SidecarGen.Sidecars;

namespace SidecarGen.Validation;

/// <summary>
/// SCG0042: every traffic sidecar between the Pod's entry and the app forwards requests in the app's
/// <c>Protocol</c>; one that cannot would turn every request into an error.
/// </summary>
internal static class ProtocolRules
{
    public static void Check(ValidationContext context)
    {
        var protocol = context.Service.Protocol;
        foreach (var sidecar in context.Declaration.Sidecars)
        {
            var kind = SidecarKinds.Of(sidecar);
            if (SidecarKinds.TrafficRank(kind) > 0 && kind.CannotCarry(protocol) is { } reason)
            {
                context.Findings.For(sidecar.Ordinal).Report(
                    RuleIds.HopCannotSpeakProtocol,
                    null,
                    $"[{kind.AttributeType.Name.Substring(0, kind.AttributeType.Name.Length - "Attribute".Length)}] cannot forward requests to this app, whose {nameof(SidecarServiceAttribute.Protocol)} is {protocol}: {reason}");
            }
        }
    }
}
