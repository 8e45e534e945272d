using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SidecarGen.Diagnostics.AppCode;

/// <summary>
/// Code that never runs in the Production environment: a branch of an <c>if</c> whose condition, asked
/// of the host's environment, is certainly false there (<c>if (env.IsDevelopment())</c>,
/// <c>if (env.IsEnvironment("Development"))</c>, <c>if (!env.IsProduction())</c>, the <c>else</c> of
/// <c>if (env.IsProduction())</c>, and <c>!</c>, <c>&amp;&amp;</c> and <c>||</c> of them). The Pods
/// SidecarGen writes set no <c>ASPNETCORE_ENVIRONMENT</c>, so the app runs as Production there and such
/// code never runs. A condition that asks anything else counts as one that may hold.
/// </summary>
internal static class DevelopmentOnly
{
    /// <summary>The name ASP.NET Core gives the environment when none is set (<c>Environments.Production</c>).</summary>
    private const string Production = "Production";

    public static bool Contains(IOperation operation, AppSymbols symbols)
    {
        for (var child = operation; child.Parent is { } parent; child = parent)
        {
            if (parent is IConditionalOperation conditional && InProduction(conditional.Condition, symbols) is { } holds
                && ((!holds && child == conditional.WhenTrue) || (holds && child == conditional.WhenFalse)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The condition's value in Production, or null when it asks more than the environment's name.</summary>
    private static bool? InProduction(IOperation condition, AppSymbols symbols)
    {
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return !InProduction(not.Operand, symbols);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                var (left, right) = (InProduction(and.LeftOperand, symbols), InProduction(and.RightOperand, symbols));
                return left == false || right == false ? false : left == true && right == true ? true : null;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                var (first, second) = (InProduction(or.LeftOperand, symbols), InProduction(or.RightOperand, symbols));
                return first == true || second == true ? true : first == false && second == false ? false : null;
            case IInvocationOperation invocation when IsEnvironmentCheck(invocation, symbols):
                return invocation.TargetMethod.Name switch
                {
                    "IsProduction" => true,
                    "IsDevelopment" or "IsStaging" => false,
                    "IsEnvironment" when ConstantResolver.String(invocation.Argument("environmentName")) is { } name =>
                        string.Equals(name, Production, StringComparison.OrdinalIgnoreCase),
                    _ => null,
                };
            default:
                return null;
        }
    }

    private static bool IsEnvironmentCheck(IInvocationOperation invocation, AppSymbols symbols)
    {
        var type = invocation.TargetMethod.ContainingType?.OriginalDefinition;
        return SymbolEqualityComparer.Default.Equals(type, symbols.Type(WellKnownTypes.HostEnvironmentEnvExtensions))
            || SymbolEqualityComparer.Default.Equals(type, symbols.Type(WellKnownTypes.HostingEnvironmentExtensions));
    }
}
