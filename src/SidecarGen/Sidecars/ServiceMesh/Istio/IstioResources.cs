using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SidecarGen.Pod;

namespace SidecarGen.Sidecars.ServiceMesh.Istio;

/// <summary>
/// The Istio resources (networking.istio.io/v1, security.istio.io/v1) that carry the mesh settings:
/// a VirtualService with the timeout and retries for callers of this service, a DestinationRule
/// with the connection limits and outlier detection for it and for each upstream (an upstream
/// outside the cluster also gets a ServiceEntry), and with <c>Mtls</c> a STRICT PeerAuthentication
/// and, in a system, an AuthorizationPolicy that admits only the declared callers.
/// </summary>
internal static class IstioResources
{
    private const string Networking = "networking.istio.io/v1";
    private const string Security = "security.istio.io/v1";

    /// <summary>
    /// The resources for <paramref name="service"/>; with <paramref name="entryTls"/> (a TLS terminator
    /// at the Pod's entry) Istio sees no HTTP requests to retry or time out, so there is no VirtualService.
    /// <paramref name="callers"/> are the services a system declares to call this one (none built alone).
    /// </summary>
    public static IEnumerable<ObjectSpec> For(ServiceMeshOptions options, string service, IReadOnlyList<MeshUpstream> upstreams, bool entryTls, IReadOnlyList<string> callers, string? serviceNamespace)
    {
        if (!entryTls)
        {
            yield return VirtualService(options, service);
        }

        yield return new ObjectSpec("istio-destinationrule.yaml", Networking, "DestinationRule", service, ObjectSpec.Spec(
            SpecField.Of("host", service),
            SpecField.Of("trafficPolicy", TrafficPolicy(options, options.Mtls))));

        foreach (var upstream in upstreams)
        {
            var name = service + "-" + upstream.Name;
            var inCluster = InjectedMesh.IsInCluster(upstream.Host);
            if (!inCluster)
            {
                // Known to the mesh even with outboundTrafficPolicy REGISTRY_ONLY; visible to this namespace only.
                yield return new ObjectSpec("istio-serviceentry-" + upstream.Name + ".yaml", Networking, "ServiceEntry", name, ObjectSpec.Spec(
                    SpecField.Of("hosts", SpecNode.Strings(new[] { upstream.Host })),
                    SpecField.Of("exportTo", SpecNode.Strings(new[] { "." })),
                    SpecField.Of("location", "MESH_EXTERNAL"),
                    SpecField.Of("resolution", "DNS"),
                    SpecField.Of("ports", SpecNode.Sequence(SpecNode.Map(
                        SpecField.Of("number", upstream.Port),
                        SpecField.Of("name", (upstream.Port == 443 ? "tls-" : "http-") + upstream.Port.ToString(CultureInfo.InvariantCulture)),
                        SpecField.Of("protocol", upstream.Port == 443 ? "TLS" : "HTTP"))))));
            }

            yield return new ObjectSpec("istio-destinationrule-" + upstream.Name + ".yaml", Networking, "DestinationRule", name, ObjectSpec.Spec(
                SpecField.Of("host", upstream.Host),
                SpecField.Of("exportTo", SpecNode.Strings(new[] { "." })),
                SpecField.Of("trafficPolicy", TrafficPolicy(options, options.Mtls && inCluster))));
        }

        if (options.Mtls)
        {
            yield return new ObjectSpec("istio-peerauthentication.yaml", Security, "PeerAuthentication", service, ObjectSpec.Spec(
                SpecField.Of("selector", PodLabels.MatchLabels(service)),
                SpecField.Of("mtls", SpecNode.Map(SpecField.Of("mode", "STRICT")))));
        }

        if (options.Mtls && callers.Count > 0)
        {
            // Once a workload has an ALLOW policy, Istio refuses what no rule admits.
            var source = SpecNode.Map(SpecField.Of("principals", SpecNode.Strings(callers.Select(caller => Principal(caller, serviceNamespace)))));
            var rule = SpecNode.Map(SpecField.Of("from", SpecNode.Sequence(SpecNode.Map(SpecField.Of("source", source)))));
            yield return new ObjectSpec("istio-authorizationpolicy.yaml", Security, "AuthorizationPolicy", service, ObjectSpec.Spec(
                SpecField.Of("selector", PodLabels.MatchLabels(service)),
                SpecField.Of("action", "ALLOW"),
                SpecField.Of("rules", SpecNode.Sequence(rule))));
        }
    }

    /// <summary>
    /// A caller's identity: its service account (<see cref="ServiceAccounts"/>), in any trust domain, in
    /// this namespace when it is known (<c>SidecarGenNamespace</c>) and in any otherwise.
    /// </summary>
    private static string Principal(string caller, string? serviceNamespace) =>
        (serviceNamespace is { } ns ? "*/ns/" + ns + "/sa/" : "*/sa/") + ServiceAccounts.Of(caller);

    /// <summary>The timeout and retries Istio's client proxies apply to every call to the service.</summary>
    private static ObjectSpec VirtualService(ServiceMeshOptions options, string service) =>
        new("istio-virtualservice.yaml", Networking, "VirtualService", service, ObjectSpec.Spec(
            SpecField.Of("hosts", SpecNode.Strings(new[] { service })),
            SpecField.Of("http", SpecNode.Sequence(SpecNode.Map(
                SpecField.Of("route", SpecNode.Sequence(SpecNode.Map(SpecField.Of("destination", SpecNode.Map(SpecField.Of("host", service)))))),
                SpecField.Of("timeout", ConfigText.Seconds(options.TimeoutSeconds)),
                SpecField.Of("retries", Retries(options)))))));

    private static SpecNode Retries(ServiceMeshOptions options) => options.Retries == 0
        ? SpecNode.Map(SpecField.Of("attempts", 0))
        : SpecNode.Map(SpecField.Of("attempts", options.Retries), SpecField.Of("retryOn", RetryOn));

    /// <summary>
    /// Envoy's conditions as every supported Istio accepts them: Istio 1.22's validation refuses
    /// <c>reset-before-request</c> (pkg/config/validation supportedRetryOnPolicies, which lists it from 1.23.0),
    /// so Istio retries on any reset, which may repeat a request the app had received.
    /// </summary>
    private const string RetryOn = "connect-failure,refused-stream,reset,unavailable";

    /// <summary>A limit of 0 is left to Istio's default (Istio rejects 0 where Envoy would block every connection).</summary>
    private static SpecNode TrafficPolicy(ServiceMeshOptions options, bool mtls)
    {
        var tcp = new List<SpecField>();
        var http = new List<SpecField>();
        if (options.MaxConnections > 0)
        {
            tcp.Add(SpecField.Of("maxConnections", options.MaxConnections));
            http.Add(SpecField.Of("http2MaxRequests", options.MaxConnections));
        }

        if (options.MaxPendingRequests > 0)
        {
            http.Add(SpecField.Of("http1MaxPendingRequests", options.MaxPendingRequests));
        }

        // No maxRetries: it caps the retries in flight to the whole service, from every caller, not per request
        // (istio/api destination_rule.proto, 1.22.0 to 1.30.3); Istio's default, 2^32-1, leaves Retries per request.
        var pool = new List<SpecField>();
        if (tcp.Count > 0)
        {
            pool.Add(SpecField.Of("tcp", SpecNode.Map(tcp)));
        }

        if (http.Count > 0)
        {
            pool.Add(SpecField.Of("http", SpecNode.Map(http)));
        }

        var policy = pool.Count > 0 ? new List<SpecField> { SpecField.Of("connectionPool", SpecNode.Map(pool)) } : new List<SpecField>();
        policy.Add(SpecField.Of("outlierDetection", SpecNode.Map(
                SpecField.Of("consecutive5xxErrors", OutlierDetection.Consecutive5xx),
                SpecField.Of("interval", ConfigText.Seconds(OutlierDetection.IntervalSeconds)),
                SpecField.Of("baseEjectionTime", ConfigText.Seconds(OutlierDetection.BaseEjectionSeconds)),
                SpecField.Of("maxEjectionPercent", OutlierDetection.MaxEjectionPercent))));
        if (mtls)
        {
            policy.Add(SpecField.Of("tls", SpecNode.Map(SpecField.Of("mode", "ISTIO_MUTUAL"))));
        }

        return SpecNode.Map(policy);
    }
}
