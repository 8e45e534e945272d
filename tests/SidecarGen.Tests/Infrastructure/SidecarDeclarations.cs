namespace SidecarGen.Tests.Infrastructure;

/// <summary>Each built-in sidecar (and a custom one) as a test declares it, alone or all together.</summary>
internal static class SidecarDeclarations
{
    public const string CustomSidecarClass = """
        [SidecarConcern(SidecarConcerns.TrafficManagement)]
        public sealed class RedisCacheSidecarAttribute : SidecarAttribute
        {
            public RedisCacheSidecarAttribute() : base("redis-cache", "redis:7.4.1") { }
        }

        """;

    public static readonly IReadOnlyDictionary<string, string> Each = new Dictionary<string, string>
    {
        ["logging"] = "LoggingSidecar",
        ["auth-proxy"] = "AuthProxySidecar(IssuerUrl = \"https://login.example.com/realms/shop\")",
        ["metrics"] = "MetricsSidecar",
        ["service-mesh"] = "ServiceMeshSidecar(Upstreams = new[] { \"ledger=ledger.finance.svc.cluster.local:8080\", \"fx=fx.example.com:443\" })",
        ["config-watcher"] = "ConfigWatcherSidecar(Source = ConfigSource.Etcd, Key = \"/config/payment-service\")",
        ["tls-termination"] = "TlsTerminationSidecar",
        ["redis-cache"] = "RedisCacheSidecar(Ports = new[] { 6379 }, Args = new[] { \"--save\", \"\" }, Env = new[] { \"REDIS_MAXMEMORY=64mb\" }, MemoryLimit = \"96Mi\")",
    };

    /// <summary>The mesh sidecar under each provider that injects its own proxy, with the same upstreams as SidecarGen's Envoy above.</summary>
    public static readonly IReadOnlyDictionary<string, string> Meshes = new Dictionary<string, string>
    {
        ["istio"] = "ServiceMeshSidecar(Mesh = MeshProvider.Istio, Upstreams = new[] { \"ledger=ledger.finance.svc.cluster.local:8080\", \"fx=fx.example.com:443\" }, CpuRequest = \"100m\", MemoryRequest = \"128Mi\", CpuLimit = \"500m\", MemoryLimit = \"256Mi\")",
        ["linkerd"] = "ServiceMeshSidecar(Mesh = MeshProvider.Linkerd, Upstreams = new[] { \"ledger=ledger.finance.svc.cluster.local:8080\", \"fx=fx.example.com:443\" }, CpuRequest = \"100m\", MemoryRequest = \"64Mi\", MemoryLimit = \"256Mi\")",
    };

    public static string Service(params string[] sidecars) =>
        "using SidecarGen;\n\n" + CustomSidecarClass
        + "[SidecarService(\"payment-service\", Image = \"registry.example.com/payment-service:2.0.1\", Port = 8080, CpuRequest = \"1\", MemoryRequest = \"1Gi\", MemoryLimit = \"2Gi\", CpuLimit = \"2\")]\n"
        + string.Concat(sidecars.Select(s => "[" + s + "]\n"))
        + "public partial class Program;\n";

    public static string All() => Service(Each.Values.ToArray());

    /// <summary>Every sidecar, the mesh one provided by <paramref name="mesh"/> (a key of <see cref="Meshes"/>).</summary>
    public static string AllWith(string mesh) => Service(Each.Select(kind => kind.Key == "service-mesh" ? Meshes[mesh] : kind.Value).ToArray());
}
