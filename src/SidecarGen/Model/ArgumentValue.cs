using System.Globalization;

namespace SidecarGen.Model;

/// <summary>
/// One attribute argument as plain data: a scalar (strings as written, numbers, enums and booleans
/// in invariant text) or an array. Holding text instead of <c>TypedConstant</c> keeps the model
/// free of compiler objects and cheap to compare.
/// </summary>
internal sealed record ArgumentValue(string? Scalar, EquatableArray<string> Items, bool IsArray)
{
    public static ArgumentValue Of(string? scalar) => new(scalar, EquatableArray<string>.Empty, false);

    public static ArgumentValue Of(int number) => Of(number.ToString(CultureInfo.InvariantCulture));

    public static ArgumentValue Of(bool flag) => Of(flag ? "true" : "false");

    public static ArgumentValue Array(EquatableArray<string> items) => new(null, items, true);
}
