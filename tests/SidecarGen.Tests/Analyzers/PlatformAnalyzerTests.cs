using SidecarGen.Diagnostics.Analyzers;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Analyzers;

public sealed class PlatformAnalyzerTests
{
    [Fact]
    public Task SCG0014_kubernetes_below_1_29_is_reported_once_on_the_first_sidecar() => Verify<PlatformAnalyzer>.Analyzer(
        """
        using SidecarGen;
        [SidecarService("svc")]
        [{|SCG0014:LoggingSidecar|}]
        [Sidecar("cache", "redis:7.4.1")]
        public partial class Program { }
        """,
        ("SidecarGenKubernetesVersion", "1.28"));

    [Fact]
    public Task Kubernetes_1_29_has_native_sidecars() => Verify<PlatformAnalyzer>.Analyzer(
        """
        using SidecarGen;
        [LoggingSidecar]
        public partial class Program { }
        """,
        ("SidecarGenKubernetesVersion", "1.29"));

    [Fact]
    public Task SCG0016_two_volumes_on_one_path_are_flagged_on_the_second() => Verify<PlatformAnalyzer>.Analyzer("""
        using SidecarGen;
        [LoggingSidecar(LogPath = "/var/app")]
        [ConfigWatcherSidecar({|SCG0016:MountPath = "/var/app/"|})]
        [Sidecar("cache", "redis:7.4.1", Ports = new[] { 6379 })]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0016_settings_that_cannot_be_rendered_are_flagged() => Verify<PlatformAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("svc", {|SCG0016:HealthPath = "healthz"|})]
        [LoggingSidecar({|SCG0016:LogPath = "/var/log\n[OUTPUT]"|}, Agent = LogAgent.Filebeat, {|SCG0016:Output = LogOutput.Loki|}, Endpoint = "http://loki:3100")]
        [Sidecar("cache", "redis:7.4.1", Env = new[] { {|SCG0016:"NO_EQUALS_SIGN"|} })]
        [ServiceMeshSidecar(Upstreams = new[] { "payments=payments.shop.svc:8080", {|SCG0016:"no-port-here:"|} })]
        [ConfigWatcherSidecar({|SCG0016:Key = "config/{{ evil }}"|})]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0016_a_liveness_path_must_start_with_a_slash_and_is_reported_once_when_it_is_the_health_path() => Verify<PlatformAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("svc", HealthPath = "/health", {|SCG0016:LivenessPath = "alive"|})]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0016_args_and_env_carry_newlines_and_tabs_but_not_nul() => Verify<PlatformAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("svc")]
        [Sidecar("job", "busybox:1.37.0", Ports = new[] { 9000 }, Args = new[] { "-c", "set -e\n\techo ready\nexec httpd -f -p 9000", {|SCG0016:"nul\0byte"|} }, Env = new[] { "MOTD=line one\nline two", {|SCG0016:"BAD=nul\0byte"|} })]
        [AuthProxySidecar(IssuerUrl = "https://login.example.com", {|SCG0016:SecretName = "auth\nproxy"|}, Args = new[] { "--banner=one\ntwo" })]
        public partial class Program { }
        """);

    [Theory]
    [InlineData("/", "/etc/")]
    [InlineData("//", "/etc")]
    [InlineData("/usr/", "/usr/local")]
    [InlineData("/var", "/opt")]
    [InlineData("/proc/self", "/sys/fs/cgroup")]
    [InlineData("/dev/shm", "/run")]
    [InlineData("/var/log/../../etc", "/etc/app/./config")]
    [InlineData("relative/logs", " /config")]
    public Task SCG0016_a_folder_that_would_cover_the_container_is_refused_for_every_path_property(string logPath, string mountPath) => Verify<PlatformAnalyzer>.Analyzer($$"""
        using SidecarGen;
        [LoggingSidecar({|SCG0016:LogPath = "{{logPath}}"|})]
        [ConfigWatcherSidecar({|SCG0016:MountPath = "{{mountPath}}"|})]
        public partial class Program { }
        """);

    [Theory]
    [InlineData("/var/log/app", "/etc/app/config")]
    [InlineData("/logs/", "/config")]
    [InlineData("/var/log", "/usr/share/app/config")]
    [InlineData("/app/logs", "/tmp/config")]
    public Task Folders_of_their_own_are_clean(string logPath, string mountPath) => Verify<PlatformAnalyzer>.Analyzer($$"""
        using SidecarGen;
        [LoggingSidecar(LogPath = "{{logPath}}")]
        [ConfigWatcherSidecar(MountPath = "{{mountPath}}")]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0016_a_wildcard_in_the_log_folder_is_refused() => Verify<PlatformAnalyzer>.Analyzer("""
        using SidecarGen;
        [LoggingSidecar({|SCG0016:LogPath = "/var/log/*"|})]
        public partial class Program { }
        """);

    [Fact]
    public Task SCG0016_a_key_in_calls_may_not_name_a_variable_the_app_already_gets() => Verify<PlatformAnalyzer>.Analyzer("""
        using SidecarGen;
        [SidecarService("webapp", Calls = new[] { "Identity:Url=identity-api", {|SCG0016:"Identity:Url=catalog-api"|}, {|SCG0016:"OTEL_EXPORTER_OTLP_ENDPOINT=ordering-api"|}, "Basket:Url=basket-api" })]
        [MetricsSidecar]
        public partial class Program { }
        """);
}
