using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SidecarGen.Diagnostics.AppCode;

/// <summary>Reading a call the way the rules need it: which method of which type, and its arguments by parameter name.</summary>
internal static class Invocations
{
    /// <summary>The call is to <paramref name="name"/> declared on <paramref name="type"/> (any overload).</summary>
    public static bool Calls(this IInvocationOperation invocation, INamedTypeSymbol? type, string name) =>
        type is not null
        && invocation.TargetMethod.Name == name
        && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType?.OriginalDefinition, type);

    /// <summary>The value passed for the parameter <paramref name="parameter"/> (its default when left out), or null when there is none.</summary>
    public static IOperation? Argument(this IInvocationOperation invocation, string parameter)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameter)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>What the method is called on: the instance, or an extension method's <c>this</c> argument, without implicit conversions.</summary>
    public static IOperation? Receiver(this IInvocationOperation invocation)
    {
        var receiver = invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
        while (receiver is IConversionOperation { IsImplicit: true } conversion)
        {
            receiver = conversion.Operand;
        }

        return receiver;
    }

    /// <summary>The type is <paramref name="baseOrInterface"/>, derives from it or implements it.</summary>
    public static bool IsOrInherits(this ITypeSymbol? type, INamedTypeSymbol? baseOrInterface)
    {
        if (type is null || baseOrInterface is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseOrInterface))
            {
                return true;
            }
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, baseOrInterface))
            {
                return true;
            }
        }

        return false;
    }
}
