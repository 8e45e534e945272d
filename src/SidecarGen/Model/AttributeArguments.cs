using System;
using System.Globalization;

namespace SidecarGen.Model;

/// <summary>
/// The arguments a user wrote on one attribute, with typed accessors. A missing argument reads as
/// <see langword="null"/> so each sidecar kind applies its own documented default.
/// </summary>
internal sealed record AttributeArguments(EquatableArray<AttributeArgument> Items)
{
    public static readonly AttributeArguments None = new(EquatableArray<AttributeArgument>.Empty);

    public bool Has(string name) => Find(name) is not null;

    public string? GetString(string name) => Find(name)?.Scalar;

    public int? GetInt(string name) =>
        int.TryParse(GetString(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public bool? GetBool(string name) => GetString(name) switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    public EquatableArray<string> GetStrings(string name) => Find(name)?.Items ?? EquatableArray<string>.Empty;

    private ArgumentValue? Find(string name)
    {
        foreach (var item in Items)
        {
            if (string.Equals(item.Name, name, StringComparison.Ordinal))
            {
                return item.Value;
            }
        }

        return null;
    }
}
