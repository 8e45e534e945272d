using System.Globalization;

namespace SidecarGen.Pod;

/// <summary>
/// Kubernetes resource quantities, parsed exactly enough to validate them (SCG0006), compare them
/// (SCG0010) and translate them to Compose's units.
/// </summary>
internal static class Quantities
{
    /// <summary><c>250m</c> → 250, <c>1</c> → 1000, <c>0.5</c> → 500 (millicores).</summary>
    public static long? CpuMillis(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text!.EndsWith("m", System.StringComparison.Ordinal))
        {
            return long.TryParse(text.Substring(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var millis) ? millis : null;
        }

        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var cores) && cores * 1000 == decimal.Truncate(cores * 1000)
            ? (long)(cores * 1000)
            : null;
    }

    /// <summary><c>256Mi</c> → 268435456; decimal (<c>k M G T</c>) and binary (<c>Ki Mi Gi Ti</c>) suffixes.</summary>
    public static long? MemoryBytes(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var (number, factor) = Split(text!);
        return factor > 0 && long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= long.MaxValue / factor
            ? value * factor
            : null;
    }

    /// <summary>Compose's <c>cpus</c>: cores as a decimal string (<c>250m</c> → <c>0.25</c>).</summary>
    public static string ComposeCpus(string quantity) =>
        CpuMillis(quantity) is long millis ? (millis / 1000m).ToString("0.###", CultureInfo.InvariantCulture) : quantity;

    /// <summary>Compose's memory: bytes with a binary unit Docker understands (<c>256Mi</c> → <c>256m</c>).</summary>
    public static string ComposeMemory(string quantity)
    {
        if (MemoryBytes(quantity) is not long bytes)
        {
            return quantity;
        }

        foreach (var (unit, size) in new[] { ("g", 1L << 30), ("m", 1L << 20), ("k", 1L << 10) })
        {
            if (bytes % size == 0)
            {
                return (bytes / size).ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        return bytes.ToString(CultureInfo.InvariantCulture) + "b";
    }

    private static (string Number, long Factor) Split(string text)
    {
        (string Suffix, long Factor)[] suffixes =
        {
            ("Ki", 1L << 10), ("Mi", 1L << 20), ("Gi", 1L << 30), ("Ti", 1L << 40),
            ("k", 1000L), ("M", 1000_000L), ("G", 1000_000_000L), ("T", 1000_000_000_000L),
        };
        foreach (var (suffix, factor) in suffixes)
        {
            if (text.EndsWith(suffix, System.StringComparison.Ordinal))
            {
                return (text.Substring(0, text.Length - suffix.Length), factor);
            }
        }

        return (text, 1);
    }
}
