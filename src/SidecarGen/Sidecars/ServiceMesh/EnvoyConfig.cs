using System.Collections.Generic;
using SidecarGen.Yaml;

namespace SidecarGen.Sidecars.ServiceMesh;

/// <summary>
/// Envoy's bootstrap (static resources, v3 API): the inbound listener in front of the next hop, a
/// stats listener exposing <c>/ready</c> and <c>/stats/prometheus</c> from the admin interface (which
/// itself listens on localhost only), and one local egress listener per upstream.
/// </summary>
internal sealed class EnvoyConfig
{
    public const string FileName = "envoy.yaml";

    public const string HttpConnectionManager = "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager";
    public const string Router = "type.googleapis.com/envoy.extensions.filters.http.router.v3.Router";
    public const string DownstreamTls = "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext";
    public const string UpstreamTls = "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext";
    public const string HttpProtocolOptions = "type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions";

    /// <summary>
    /// What SidecarGen's Envoy retries on: failures before the request reached the app, safe to repeat whatever
    /// its method (a failed or refused connection or stream, a reset before the request was sent, which Envoy
    /// reads from v1.31), and gRPC's UNAVAILABLE, which gRPC defines as safe to retry.
    /// </summary>
    public const string RetryOn = "connect-failure,refused-stream,reset-before-request,unavailable";

    /// <summary>
    /// The retry budget of each cluster (envoy/config/cluster/v3/circuit_breaker.proto, v1.31): retries in flight
    /// may be this percentage of the requests in flight and pending, and never fewer than <see cref="MinRetryConcurrency"/>.
    /// </summary>
    public const int RetryBudgetPercent = 20;

    public const int MinRetryConcurrency = 3;

    /// <summary>
    /// The inbound listener's stat prefix: Envoy's Prometheus output names its request counter
    /// <c>envoy_http_downstream_rq_total{envoy_http_conn_manager_prefix="inbound"}</c> (the tag Envoy's default
    /// extractor takes from <c>http.&lt;stat_prefix&gt;.downstream_rq_total</c>).
    /// </summary>
    public const string InboundStatPrefix = "inbound";

    public EnvoyConfig(MeshSettings settings) => Settings = settings;

    private MeshSettings Settings { get; }

    /// <summary>The app speaks HTTP/2 only (h2c or gRPC), so every hop to it does.</summary>
    private bool Http2ToApp => Settings.AppProtocol != ServiceProtocol.Http;

    public string Render()
    {
        var yaml = new YamlWriter().BeginMap();
        yaml.BeginMap("admin");
        Address(yaml, "127.0.0.1", Settings.AdminPort);
        yaml.EndMap();

        yaml.BeginMap("static_resources").BeginSequence("listeners");
        Listener(yaml, "inbound", "0.0.0.0", Settings.InboundPort, InboundStatPrefix, Settings.Mtls, routes => Route(routes, "/", "app", retry: true));
        Listener(yaml, "stats", "0.0.0.0", Settings.StatsPort, "stats", false, routes =>
        {
            Route(routes, "/stats/prometheus", "admin", retry: false);
            Route(routes, "/ready", "admin", retry: false);
        });
        foreach (var (upstream, port) in Settings.Egress)
        {
            Listener(yaml, "egress-" + upstream.Name, "127.0.0.1", port, "egress_" + upstream.Name.Replace('-', '_'), false, routes => Route(routes, "/", "upstream-" + upstream.Name, retry: true));
        }

        yaml.EndSequence().BeginSequence("clusters");
        Cluster(yaml, "app", "STATIC", "127.0.0.1", Settings.UpstreamPort, outlierDetection: false, tls: null, http2: Http2ToApp);
        Cluster(yaml, "admin", "STATIC", "127.0.0.1", Settings.AdminPort, outlierDetection: false, tls: null, http2: false);
        foreach (var (upstream, _) in Settings.Egress)
        {
            // A service of the system that speaks HTTP/2 (h2c or gRPC) gets it from us too; the egress listener's
            // connection manager (codec_type AUTO, the default) already takes HTTP/2 with prior knowledge from the app.
            Cluster(yaml, "upstream-" + upstream.Name, "STRICT_DNS", upstream.Host, upstream.Port, outlierDetection: true, tls: Settings.Mtls ? upstream.Host : null, http2: upstream.Protocol != ServiceProtocol.Http);
        }

        return yaml.EndSequence().EndMap().EndMap().Finish();
    }

    private void Listener(YamlWriter yaml, string name, string host, int port, string statPrefix, bool mtls, System.Action<YamlWriter> routes)
    {
        yaml.BeginMap().Pair("name", name);
        Address(yaml, host, port);
        yaml.BeginSequence("filter_chains").BeginMap()
            .BeginSequence("filters").BeginMap()
            .Pair("name", "envoy.filters.network.http_connection_manager")
            .BeginMap("typed_config")
            .Pair("@type", HttpConnectionManager)
            .Pair("stat_prefix", statPrefix)
            .Pair("generate_request_id", true)
            .Pair("always_set_request_id_in_response", true)
            .BeginMap("route_config").Pair("name", name)
            .BeginSequence("virtual_hosts").BeginMap()
            .Pair("name", name)
            .BeginSequence("domains", flow: true).String("*").EndSequence()
            .BeginSequence("routes");
        routes(yaml);
        yaml.EndSequence().EndMap().EndSequence().EndMap()
            .BeginSequence("http_filters").BeginMap()
            .Pair("name", "envoy.filters.http.router")
            .BeginMap("typed_config").Pair("@type", Router).EndMap()
            .EndMap().EndSequence()
            .EndMap().EndMap().EndSequence();
        if (mtls)
        {
            // Mutual TLS: only callers with a certificate from the mesh CA get in, and where the system
            // declares who calls this service, only a certificate that names one of them.
            yaml.BeginMap("transport_socket")
                .Pair("name", "envoy.transport_sockets.tls")
                .BeginMap("typed_config")
                .Pair("@type", DownstreamTls)
                .Pair("require_client_certificate", true);
            CommonTlsContext(yaml, Settings.Callers, Http2ToApp ? new[] { "h2", "http/1.1" } : null);
            yaml.EndMap().EndMap();
        }

        yaml.EndMap().EndSequence().EndMap();
    }

    private void Route(YamlWriter yaml, string prefix, string cluster, bool retry)
    {
        yaml.BeginMap().BeginMap("match").Pair(prefix == "/ready" ? "path" : "prefix", prefix).EndMap()
            .BeginMap("route").Pair("cluster", cluster);
        if (retry)
        {
            yaml.Pair("timeout", ConfigText.Seconds(Settings.TimeoutSeconds))
                .BeginMap("retry_policy")
                .Pair("retry_on", RetryOn)
                .Pair("num_retries", Settings.Retries)
                .EndMap();
        }

        yaml.EndMap().EndMap();
    }

    private void Cluster(YamlWriter yaml, string name, string type, string host, int port, bool outlierDetection, string? tls, bool http2)
    {
        yaml.BeginMap()
            .Pair("name", name)
            .Pair("type", type)
            .Pair("connect_timeout", "1s");
        if (type == "STRICT_DNS")
        {
            yaml.Pair("dns_lookup_family", "V4_PREFERRED");
        }

        yaml.BeginMap("load_assignment").Pair("cluster_name", name)
            .BeginSequence("endpoints").BeginMap().BeginSequence("lb_endpoints").BeginMap()
            .BeginMap("endpoint");
        Address(yaml, host, port);
        yaml.EndMap().EndMap().EndSequence().EndMap().EndSequence().EndMap();

        yaml.BeginMap("circuit_breakers").BeginSequence("thresholds").BeginMap()
            .Pair("priority", "DEFAULT")
            .Pair("max_connections", Settings.MaxConnections)
            .Pair("max_pending_requests", Settings.MaxPendingRequests)
            .Pair("max_requests", Settings.MaxConnections)
            // Retries in flight to the whole cluster grow with its load (Envoy's defaults, written out), never
            // capped at Retries: max_retries counts every request's retries together (default 3).
            .BeginMap("retry_budget")
            .BeginMap("budget_percent").Pair("value", RetryBudgetPercent).EndMap()
            .Pair("min_retry_concurrency", MinRetryConcurrency)
            .EndMap()
            .EndMap().EndSequence().EndMap();
        if (outlierDetection)
        {
            yaml.BeginMap("outlier_detection")
                .Pair("consecutive_5xx", OutlierDetection.Consecutive5xx)
                .Pair("interval", ConfigText.Seconds(OutlierDetection.IntervalSeconds))
                .Pair("base_ejection_time", ConfigText.Seconds(OutlierDetection.BaseEjectionSeconds))
                .Pair("max_ejection_percent", OutlierDetection.MaxEjectionPercent)
                .EndMap();
        }

        if (name == "app" && Settings.UpstreamTls)
        {
            // The next hop is the TLS termination sidecar: speak TLS to it over the Pod's loopback.
            yaml.BeginMap("transport_socket")
                .Pair("name", "envoy.transport_sockets.tls")
                .BeginMap("typed_config").Pair("@type", UpstreamTls);
            if (http2)
            {
                // nginx speaks HTTP/2 over TLS only when ALPN chose it.
                yaml.BeginMap("common_tls_context").BeginSequence("alpn_protocols", flow: true).String("h2").EndSequence().EndMap();
            }

            yaml.EndMap().EndMap();
        }

        if (http2)
        {
            // An HTTP/2-only or gRPC next hop: HTTP/2 to it, with prior knowledge in clear text (envoy/extensions/upstreams/http/v3/http_protocol_options.proto).
            yaml.BeginMap("typed_extension_protocol_options")
                .BeginMap("envoy.extensions.upstreams.http.v3.HttpProtocolOptions")
                .Pair("@type", HttpProtocolOptions)
                .BeginMap("explicit_http_config").BeginMap("http2_protocol_options").EndMap().EndMap()
                .EndMap().EndMap();
        }

        if (tls is not null)
        {
            yaml.BeginMap("transport_socket")
                .Pair("name", "envoy.transport_sockets.tls")
                .BeginMap("typed_config")
                .Pair("@type", UpstreamTls)
                .Pair("sni", tls);
            CommonTlsContext(yaml, new[] { tls }, http2 ? new[] { "h2" } : null);
            yaml.EndMap().EndMap();
        }

        yaml.EndMap();
    }

    /// <summary>
    /// Our certificate, and the mesh CA that must have signed the peer's. The peer's certificate must
    /// also name one of <paramref name="peerNames"/> as a DNS subject alternative name (Envoy matches any
    /// of the list; docs/sidecars/service-mesh.md, "Identities"): towards an upstream the host of its <c>Upstreams</c> entry,
    /// inbound the system's callers. Built alone a service knows no callers, so inbound any certificate
    /// of the mesh CA is admitted.
    /// </summary>
    private void CommonTlsContext(YamlWriter yaml, IReadOnlyList<string> peerNames, string[]? alpn = null)
    {
        yaml.BeginMap("common_tls_context");
        if (alpn is not null)
        {
            // HTTP/2 over TLS is what ALPN chose: gRPC clients and nginx speak it only then.
            yaml.BeginSequence("alpn_protocols", flow: true);
            foreach (var protocol in alpn)
            {
                yaml.String(protocol);
            }

            yaml.EndSequence();
        }

        yaml
            .BeginSequence("tls_certificates").BeginMap()
            .BeginMap("certificate_chain").Pair("filename", Settings.CertificatePath).EndMap()
            .BeginMap("private_key").Pair("filename", Settings.KeyPath).EndMap()
            .EndMap().EndSequence()
            .BeginMap("validation_context")
            .BeginMap("trusted_ca").Pair("filename", Settings.CaPath).EndMap();
        if (peerNames.Count > 0)
        {
            yaml.BeginSequence("match_typed_subject_alt_names");
            foreach (var name in peerNames)
            {
                yaml.BeginMap()
                    .Pair("san_type", "DNS")
                    .BeginMap("matcher").Pair("exact", name).EndMap()
                    .EndMap();
            }

            yaml.EndSequence();
        }

        yaml.EndMap().EndMap();
    }

    private static void Address(YamlWriter yaml, string host, int port) =>
        yaml.BeginMap("address").BeginMap("socket_address").Pair("address", host).Pair("port_value", port).EndMap().EndMap();
}

/// <summary>Everything the Envoy config is rendered from. <paramref name="Callers"/> are the identities admitted inbound (none: any of the mesh CA).</summary>
internal sealed record MeshSettings(
    int InboundPort,
    int StatsPort,
    int AdminPort,
    int UpstreamPort,
    bool UpstreamTls,
    bool Mtls,
    string CertificatePath,
    string KeyPath,
    string CaPath,
    int MaxConnections,
    int MaxPendingRequests,
    int Retries,
    int TimeoutSeconds,
    IReadOnlyList<EgressListener> Egress,
    IReadOnlyList<string> Callers)
{
    /// <summary>What the app speaks (<c>Protocol</c>).</summary>
    public ServiceProtocol AppProtocol { get; init; }
}
