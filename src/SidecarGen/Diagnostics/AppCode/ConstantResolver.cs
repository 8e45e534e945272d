using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SidecarGen.Diagnostics.AppCode;

/// <summary>
/// The value an expression has whatever runs: a constant (literal, <c>const</c>, <c>nameof</c>), an
/// interpolation or concatenation of such values. Anything else (a variable, a call, configuration)
/// is unknown, null, and a rule that meets an unknown value says nothing.
/// </summary>
internal static class ConstantResolver
{
    public static string? String(IOperation? operation) => operation switch
    {
        null => null,
        { ConstantValue: { HasValue: true, Value: string text } } => text,
        { ConstantValue.HasValue: true } => null,
        IConversionOperation conversion => String(conversion.Operand),
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add when add.Type?.SpecialType == SpecialType.System_String =>
            Text(add.LeftOperand) is { } left && Text(add.RightOperand) is { } right ? left + right : null,
        IInterpolatedStringOperation interpolated => Interpolation(interpolated),
        IFieldReferenceOperation { Field.IsStatic: true } field when IsEnvironmentNames(field.Field.ContainingType) => field.Field.Name,
        _ => null,
    };

    /// <summary>
    /// <c>Environments</c> (and the older <c>EnvironmentName</c>): static read-only fields, not constants,
    /// each holding its own name (<c>Environments.Development == "Development"</c>).
    /// </summary>
    private static bool IsEnvironmentNames(INamedTypeSymbol? type) =>
        type?.ToDisplayString() is "Microsoft.Extensions.Hosting.Environments" or "Microsoft.AspNetCore.Hosting.EnvironmentName" or "Microsoft.Extensions.Hosting.EnvironmentName";

    public static int? Int(IOperation? operation) => operation switch
    {
        null => null,
        { ConstantValue: { HasValue: true, Value: int value } } => value,
        IConversionOperation conversion => Int(conversion.Operand),
        _ => null,
    };

    /// <summary>How a part of a string concatenation or interpolation reads: a string, or an integer in its invariant form.</summary>
    private static string? Text(IOperation operation) =>
        String(operation) ?? (Int(operation) is int value ? value.ToString(CultureInfo.InvariantCulture) : null);

    private static string? Interpolation(IInterpolatedStringOperation interpolated)
    {
        var text = string.Empty;
        foreach (var part in interpolated.Parts)
        {
            var value = part switch
            {
                IInterpolatedStringTextOperation literal => String(literal.Text),
                IInterpolationOperation { Alignment: null, FormatString: null } hole => Text(hole.Expression),
                _ => null,
            };
            if (value is null)
            {
                return null;
            }

            text += value;
        }

        return text;
    }
}
