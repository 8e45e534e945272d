namespace SidecarGen.Sidecars;

/// <summary>
/// The one list of default sidecar images. Every tag is pinned to a release whose configuration
/// format the generated files were checked against; docs/images.md says where each version comes
/// from. A test fails if any of them is untagged or <c>latest</c>.
/// </summary>
internal static class DefaultImages
{
    /// <summary>Fluent Bit, distroless image (entrypoint <c>/fluent-bit/bin/fluent-bit</c>).</summary>
    public const string FluentBit = "cr.fluentbit.io/fluent/fluent-bit:4.0.3";

    /// <summary>Fluentd, Debian-based image with in_tail, out_stdout and monitor_agent built in.</summary>
    public const string Fluentd = "fluent/fluentd:v1.17.1-debian-1.0";

    /// <summary>Filebeat OSS-licensed default distribution.</summary>
    public const string Filebeat = "docker.elastic.co/beats/filebeat:8.15.3";

    /// <summary>oauth2-proxy, distroless image.</summary>
    public const string OAuth2Proxy = "quay.io/oauth2-proxy/oauth2-proxy:v7.12.0";

    /// <summary>OpenTelemetry Collector, contrib distribution (prometheus exporter, health_check extension).</summary>
    public const string OpenTelemetryCollector = "otel/opentelemetry-collector-contrib:0.114.0";

    /// <summary>Envoy proxy.</summary>
    public const string Envoy = "envoyproxy/envoy:v1.31.2";

    /// <summary>consul-template (Alpine-based: has the <c>test</c> command the probe runs).</summary>
    public const string ConsulTemplate = "hashicorp/consul-template:0.39.1";

    /// <summary>etcd with etcdctl and a shell for the watch loop (the upstream image is distroless).</summary>
    public const string Etcd = "bitnami/etcd:3.5.17";

    /// <summary>nginx that runs as non-root and listens on unprivileged ports.</summary>
    public const string Nginx = "nginxinc/nginx-unprivileged:1.27.3-alpine";

    public static readonly string[] All = { FluentBit, Fluentd, Filebeat, OAuth2Proxy, OpenTelemetryCollector, Envoy, ConsulTemplate, Etcd, Nginx };
}
