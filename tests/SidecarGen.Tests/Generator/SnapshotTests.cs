using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Generator;

/// <summary>Every generated file of representative services, compared with its reviewed snapshot.</summary>
public sealed class SnapshotTests
{
    [Fact]
    public void Order_service() => Snapshots.Match("order-service", GeneratorHarness.Run(Sources.OrderService).Files);

    [Fact]
    public void Defaults_only() =>
        Snapshots.Match("defaults", GeneratorHarness.Run(Sources.Program("LoggingSidecar"), new Dictionary<string, string> { ["AssemblyName"] = "Inventory", ["Version"] = "0.3.0" }).Files);

    [Fact]
    public void Custom_sidecar_on_kubernetes_1_28() =>
        Snapshots.Match(
            "custom-sidecar-k8s-1.28",
            GeneratorHarness.Run(
                Sources.Program(
                    "SidecarService(\"catalog\", Replicas = 1)",
                    "Sidecar(\"redis-cache\", \"redis:7.4.1\", Ports = new[] { 6379 }, Args = new[] { \"--save\", \"\" }, Env = new[] { \"REDIS_ARGS=--maxmemory 64mb\" }, MemoryLimit = \"96Mi\")"),
                new Dictionary<string, string> { ["SidecarGenKubernetesVersion"] = "1.28", ["SidecarGenNamespace"] = "shop" }).Files);
}
