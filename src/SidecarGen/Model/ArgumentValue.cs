namespace SidecarGen.Model;

/// <summary>What a value argument can be: a constant (text, number, bool or null), an enum value, an array, or unreadable.</summary>
internal enum ArgumentKind
{
    Constant,
    Enum,
    Array,

    /// <summary>An argument the compiler could not bind, or a <c>typeof</c>: nothing SidecarGen reads.</summary>
    Unreadable,
}

/// <summary>
/// One argument's value, typed as the compiler saw it: a constant's own boxed value
/// (<see cref="string"/>, <see cref="int"/>, <see cref="bool"/>, ...), an enum's underlying value, or an array's items.
/// </summary>
internal sealed record ArgumentValue(ArgumentKind Kind, object? Value, EquatableArray<ArgumentValue> Items)
{
    public static readonly ArgumentValue Unreadable = new(ArgumentKind.Unreadable, null, EquatableArray<ArgumentValue>.Empty);

    public static ArgumentValue Constant(object? value) => new(ArgumentKind.Constant, value, EquatableArray<ArgumentValue>.Empty);

    public static ArgumentValue Enum(object value) => new(ArgumentKind.Enum, value, EquatableArray<ArgumentValue>.Empty);

    /// <summary>An array; <paramref name="isNull"/> for a <c>null</c> array argument.</summary>
    public static ArgumentValue Array(EquatableArray<ArgumentValue> items, bool isNull = false) =>
        new(ArgumentKind.Array, isNull ? null : string.Empty, items);

    public bool IsNullArray => Kind == ArgumentKind.Array && Value is null;
}
