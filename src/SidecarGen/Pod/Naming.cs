using System.Text;

namespace SidecarGen.Pod;

/// <summary>Derives the names Kubernetes and Compose need from the user's names.</summary>
internal static class Naming
{
    /// <summary><c>OrderService.Api</c> → <c>order-service-api</c>: a DNS-1123 label, at most 63 characters.</summary>
    public static string KebabCase(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? text[i - 1] : '\0';
                var next = i + 1 < text.Length ? text[i + 1] : '\0';
                if (builder.Length > 0 && builder[builder.Length - 1] != '-'
                    && (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next))))
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[builder.Length - 1] != '-')
            {
                builder.Append('-');
            }
        }

        var label = builder.ToString().Trim('-');
        if (label.Length > 63)
        {
            label = label.Substring(0, 63).TrimEnd('-');
        }

        return label.Length == 0 ? "app" : label;
    }

    /// <summary><paramref name="label"/> with <paramref name="suffix"/>, shortened so the result stays a DNS-1123 label.</summary>
    public static string Suffixed(string label, string suffix) =>
        (label.Length + suffix.Length <= 63 ? label : label.Substring(0, 63 - suffix.Length).TrimEnd('-')) + suffix;

    /// <summary><c>order-auth_client-id</c> → <c>ORDER_AUTH_CLIENT_ID</c>.</summary>
    public static string EnvironmentName(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is >= 'a' and <= 'z' ? char.ToUpperInvariant(c) : c is >= 'A' and <= 'Z' or >= '0' and <= '9' ? c : '_');
        }

        return builder.ToString();
    }
}
