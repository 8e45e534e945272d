using System;

namespace SidecarGen.Yaml;

/// <summary>
/// Decides when a string may be written without quotes. Deliberately narrow: anything that a YAML
/// 1.1 reader (Kubernetes, Compose) or a YAML 1.2 reader could resolve to a null, bool, number or
/// timestamp, or that needs escaping, is quoted by the emitter instead.
/// </summary>
internal static class PlainScalars
{
    private static readonly string[] Reserved =
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null",
    };

    public static bool IsSafe(string value)
    {
        if (value.Length == 0 || value.Length > 256 || !StartsPlain(value))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(IsLetter(c) || IsDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '@' or '=' or '+' or '*'))
            {
                return false;
            }
        }

        if (value[value.Length - 1] == ':' || LooksNumeric(value))
        {
            return false;
        }

        foreach (var word in Reserved)
        {
            if (string.Equals(value, word, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Letters, '/' and '_' start a plain scalar; a digit or '-' does too (<c>250m</c>, <c>--flag</c>)
    /// unless the text could be a number, a date or a sexagesimal (checked in <see cref="LooksNumeric"/>).
    /// </summary>
    private static bool StartsPlain(string value) =>
        IsLetter(value[0]) || IsDigit(value[0]) || value[0] is '/' or '_' || (value[0] == '-' && value.Length > 1 && value[1] == '-');

    /// <summary>
    /// Anything a YAML 1.1 resolver might read as a number or timestamp: only digits and the
    /// characters numbers use (<c>1_000</c>, <c>0x1F</c>, <c>1e3</c>, <c>1:20</c>, <c>2024-01-01</c>).
    /// </summary>
    private static bool LooksNumeric(string value)
    {
        var digits = 0;
        foreach (var c in value)
        {
            if (IsDigit(c))
            {
                digits++;
            }
            else if (!(c is '.' or '_' or ':' or '-' or '+' or 'x' or 'X' or 'o' or 'b' or 'e' or 'E' || (c is >= 'a' and <= 'f') || (c is >= 'A' and <= 'F')))
            {
                return false;
            }
        }

        return digits > 0;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';
}
