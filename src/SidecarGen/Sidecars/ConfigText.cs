using System.Globalization;

namespace SidecarGen.Sidecars;

/// <summary>How numbers and durations are written into the sidecars' configurations, whatever the build machine's culture.</summary>
internal static class ConfigText
{
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A duration in whole seconds as Envoy, Istio and Linkerd read one: <c>5s</c>.</summary>
    public static string Seconds(int seconds) => Number(seconds) + "s";

    /// <summary>
    /// A quoted HCL string (consul-template's and Vault Agent's configuration): backslash and quote escaped,
    /// and <c>${</c>/<c>%{</c> doubled so HCL does not read them as an interpolation or a directive.
    /// </summary>
    public static string HclString(string value) =>
        "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("${", "$${").Replace("%{", "%%{") + "\"";
}
