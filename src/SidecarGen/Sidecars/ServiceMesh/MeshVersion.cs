using System;
using System.Globalization;

namespace SidecarGen.Sidecars.ServiceMesh;

/// <summary>
/// A mesh release as its project numbers it, after an optional prefix (<c>v1.22.3</c>, <c>stable-2.16.1</c>,
/// <c>edge-24.8.2</c>): up to three numbers, compared in order, a missing one counting as 0.
/// </summary>
internal sealed record MeshVersion(int Major, int Minor, int Patch) : IComparable<MeshVersion>
{
    /// <summary>The version after <paramref name="prefix"/> (compared ignoring case), or null when the text is not one.</summary>
    public static MeshVersion? Parse(string text, string prefix)
    {
        if (!text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var parts = text.Substring(prefix.Length).Split('.');
        var numbers = new int[3];
        if (parts.Length is < 2 or > 3)
        {
            return null;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return new MeshVersion(numbers[0], numbers[1], numbers[2]);
    }

    public int CompareTo(MeshVersion? other) =>
        other is null ? 1
        : Major != other.Major ? Major.CompareTo(other.Major)
        : Minor != other.Minor ? Minor.CompareTo(other.Minor)
        : Patch.CompareTo(other.Patch);
}
