using System.Linq;

namespace SidecarGen.Rules;

/// <summary>Shape checks on names and strings, shared by the rules.</summary>
internal static class TextChecks
{
    public static bool IsDnsLabel(string name) =>
        name.Length is > 0 and <= 63
        && name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')
        && name[0] != '-' && name[name.Length - 1] != '-';

    public static bool IsDnsSubdomain(string name) =>
        name.Length is > 0 and <= 253 && name.Split('.').All(IsDnsLabel);

    public static bool IsEnvironmentName(string name) =>
        name.Length > 0 && !char.IsDigit(name[0]) && name.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_');

    public static bool HasControlCharacter(string value) => value.Any(char.IsControl);
}
