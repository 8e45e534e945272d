using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SidecarGen.Diagnostics.AppCode;

/// <summary>
/// Code that runs only in the Development environment: inside <c>if (env.IsDevelopment())</c> (or the
/// <c>else</c> of <c>if (!env.IsDevelopment())</c>). The Pods SidecarGen writes set no
/// <c>ASPNETCORE_ENVIRONMENT</c>, so the app runs as Production there and such code never runs.
/// Only these plain shapes are recognized; any other condition counts as code that may run.
/// </summary>
internal static class DevelopmentOnly
{
    private const string IsDevelopment = "IsDevelopment";

    public static bool Contains(IOperation operation, AppSymbols symbols)
    {
        for (var child = operation; child.Parent is { } parent; child = parent)
        {
            if (parent is IConditionalOperation conditional
                && ((IsDevelopmentCall(conditional.Condition, symbols) && child == conditional.WhenTrue)
                    || (conditional.Condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not && IsDevelopmentCall(not.Operand, symbols) && child == conditional.WhenFalse)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDevelopmentCall(IOperation condition, AppSymbols symbols) =>
        condition is IInvocationOperation invocation
        && (invocation.Calls(symbols.Type(WellKnownTypes.HostEnvironmentEnvExtensions), IsDevelopment)
            || invocation.Calls(symbols.Type(WellKnownTypes.HostingEnvironmentExtensions), IsDevelopment));
}
