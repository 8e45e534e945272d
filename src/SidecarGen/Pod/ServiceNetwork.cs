using System.Globalization;
using System.Linq;
using SidecarGen.Model;

namespace SidecarGen.Pod;

/// <summary>
/// What a service's plan knows of the services around it: where each one it calls is reached, and
/// which services call it. A service built alone knows only names, and reaches another service as a
/// Kubernetes Service in its namespace (<see cref="Standalone"/>); a system knows every service's entry
/// hop in each output and every declared call.
/// </summary>
internal sealed record ServiceNetwork(EquatableArray<Peer> Peers, EquatableArray<Call> Calls)
{
    /// <summary>The port of every generated Kubernetes Service.</summary>
    public const int ServicePort = 80;

    public static readonly ServiceNetwork Standalone = new(EquatableArray<Peer>.Empty, EquatableArray<Call>.Empty);

    /// <summary>Where <paramref name="service"/> is reached: its peer entry, else its Kubernetes Service.</summary>
    public Peer Resolve(string service) => Find(service) ?? new Peer(service, service, ServicePort);

    /// <summary>The peer <paramref name="service"/> is, when this network knows it (a service of the system); null otherwise, and always built alone.</summary>
    public Peer? Find(string service) => Peers.FirstOrDefault(peer => peer.Name == service);

    /// <summary>The services that declare a call to <paramref name="service"/>, in name order.</summary>
    public EquatableArray<string> CallersOf(string service) =>
        Calls.Where(call => call.Callee == service).Select(call => call.Caller).Distinct().OrderBy(name => name, System.StringComparer.Ordinal).ToEquatableArray();
}

/// <summary>
/// A service of the system and the host and port its entry hop is reached at; <paramref name="Tls"/> says
/// that hop speaks TLS (a TLS terminator, a mesh sidecar with mutual TLS), so a caller must too, and
/// <paramref name="Protocol"/> what the service speaks (its <c>Protocol</c>), which every hop to it speaks.
/// </summary>
internal sealed record Peer(string Name, string Host, int Port, bool Tls = false, ServiceProtocol Protocol = ServiceProtocol.Http)
{
    public string Url => "http://" + Host + (Port == ServiceNetwork.ServicePort ? string.Empty : ":" + Port.ToString(CultureInfo.InvariantCulture));
}

/// <summary>One declared call: <see cref="Caller"/> calls <see cref="Callee"/> (its <c>Calls</c>, or a mesh upstream naming it).</summary>
internal sealed record Call(string Caller, string Callee);

/// <summary>The configuration Microsoft.Extensions.ServiceDiscovery (and .NET Aspire) reads for a service's endpoints.</summary>
internal static class ServiceDiscovery
{
    /// <summary><c>services__&lt;name&gt;__http__0</c>: the first <c>http</c> endpoint of <paramref name="service"/>.</summary>
    public static string Variable(string service) => "services__" + service + "__http__0";

    /// <summary>The variable that sets a configuration key: <c>Identity:Url</c> is <c>Identity__Url</c> (the environment variables provider reads <c>__</c> as <c>:</c>).</summary>
    public static string KeyVariable(string key) => key.Replace(":", "__");
}
