using System.Globalization;

namespace SidecarGen.Sidecars;

/// <summary>How numbers and durations are written into the sidecars' configurations, whatever the build machine's culture.</summary>
internal static class ConfigText
{
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A duration in whole seconds as Envoy, Istio and Linkerd read one: <c>5s</c>.</summary>
    public static string Seconds(int seconds) => Number(seconds) + "s";
}
