namespace SidecarGen.Pod;

/// <summary>
/// The names of a service's Compose objects. Each starts with the service's name, so two services'
/// Compose files combine (<c>include</c>) without a clash: the app is <c>&lt;service&gt;</c>, a sidecar
/// <c>&lt;service&gt;-&lt;sidecar&gt;</c>, and three helpers take the names no sidecar may have.
/// </summary>
internal static class ComposeNames
{
    /// <summary>The service that holds the network namespace, as the Pod's pause container does.</summary>
    public const string HolderRole = "pod";

    /// <summary>The one-shot service that writes the secrets from the environment into the sidecars' secret volumes.</summary>
    public const string SecretsRole = "secrets";

    /// <summary>The one-shot service that checks, before anything starts, that every secret variable is set.</summary>
    public const string VariablesRole = "variables";

    public static bool IsReserved(string sidecarName) => sidecarName is HolderRole or SecretsRole or VariablesRole;

    public static string Holder(string service) => service + "-" + HolderRole;

    public static string Secrets(string service) => service + "-" + SecretsRole;

    public static string Variables(string service) => service + "-" + VariablesRole;

    /// <summary>A sidecar's service; also its config folder beside compose.yaml (<c>config/&lt;service&gt;-&lt;sidecar&gt;</c>).</summary>
    public static string Sidecar(string service, string sidecar) => service + "-" + sidecar;

    /// <summary>
    /// The variable that sets the host port the service publishes (<c>ORDER_SERVICE_HOST_PORT</c>), so
    /// services whose files are combined with <c>include:</c> can each be given a free one.
    /// </summary>
    public static string HostPortVariable(string service) => Naming.EnvironmentName(service + "-host-port");

    /// <summary>A volume of the Pod (shared, secret, or the holder's tools).</summary>
    public static string Volume(string service, string volume) => service + "-" + volume;
}
