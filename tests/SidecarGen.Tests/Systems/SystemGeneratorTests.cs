using k8s.Models;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Systems;

/// <summary>A system's Kubernetes output: one kustomization over a folder per service, each service planned knowing the others.</summary>
public sealed class SystemGeneratorTests
{
    [Fact]
    public void The_kustomization_lists_one_folder_per_service_each_a_kustomization_of_its_own()
    {
        var output = SystemHarness.Run(Shop.All, new Dictionary<string, string> { ["SidecarGenNamespace"] = "shop" });

        Assert.Equal("Generated", output.Status);
        var root = YamlJson.Parse(output["kubernetes/kustomization.yaml"]);
        Assert.Equal("shop", (string?)root["namespace"]);
        Assert.Equal(new[] { "namespace.yaml", "storefront", "orders", "ledger" }, root["resources"]!.AsArray().Select(node => (string?)node));
        Assert.Equal("shop", KubernetesObjects.Load<V1Namespace>(output["kubernetes/namespace.yaml"]).Metadata.Name);
        foreach (var service in new[] { "storefront", "orders", "ledger" })
        {
            var kustomization = YamlJson.Parse(output[$"kubernetes/{service}/kustomization.yaml"]);
            var resources = kustomization["resources"]!.AsArray().Select(node => (string)node!).ToList();
            Assert.All(resources, resource => Assert.True(output.Files.ContainsKey($"kubernetes/{service}/{resource}"), resource));
            Assert.Equal(service, KubernetesObjects.Load<V1Deployment>(output[$"kubernetes/{service}/deployment.yaml"]).Metadata.Name);
            Assert.Equal("shop", KubernetesObjects.Load<V1Service>(output[$"kubernetes/{service}/service.yaml"]).Metadata.NamespaceProperty);
        }
    }

    [Fact]
    public void Every_object_reads_back_strictly_and_every_pod_meets_the_restricted_profile()
    {
        var output = SystemHarness.Run(Shop.All);

        foreach (var file in output.KubernetesObjects)
        {
            var objects = KubernetesObjects.Load(file.Value);
            foreach (var deployment in objects.OfType<V1Deployment>())
            {
                PodAssertions.Restricted(deployment.Spec.Template.Spec);
            }
        }

        Assert.Equal(3, output.KubernetesObjects.Count(file => file.Key.EndsWith("/deployment.yaml", StringComparison.Ordinal)));
    }

    [Fact]
    public void Each_call_gets_the_service_discovery_address_of_the_callee()
    {
        var output = SystemHarness.Run(Shop.All);

        var storefront = App(output, "storefront");
        Assert.Equal("http://orders", Env(storefront, "services__orders__http__0"));

        // Orders calls the ledger through its mesh: the address is the local egress listener, and Envoy reaches the ledger's Service.
        var orders = App(output, "orders");
        Assert.Equal("http://127.0.0.1:15100", Env(orders, "services__ledger__http__0"));
        var envoy = YamlJson.Parse(KubernetesObjects.Load<V1ConfigMap>(output["kubernetes/orders/configmap-service-mesh.yaml"]).Data["envoy.yaml"]);
        var ledger = envoy["static_resources"]!["clusters"]!.AsArray().Single(cluster => (string?)cluster!["name"] == "upstream-ledger")!;
        var address = ledger["load_assignment"]!["endpoints"]![0]!["lb_endpoints"]![0]!["endpoint"]!["address"]!["socket_address"]!;
        Assert.Equal("ledger", (string?)address["address"]);
        Assert.Equal(80L, (long)address["port_value"]!);
    }

    [Fact]
    public void A_service_built_alone_reaches_a_called_service_at_its_kubernetes_service()
    {
        var output = GeneratorHarness.Run(Shop.Storefront.Source);

        Assert.Equal("http://orders", Env(KubernetesObjects.Deployment(output).Spec.Template.Spec.Containers.Single(c => c.Name == "storefront"), "services__orders__http__0"));
    }

    [Theory]
    [InlineData("SidecarService(\"storefront\", Calls = new[] { \"order\" })")]
    [InlineData("SidecarService(\"orders\")")]
    public void Nothing_is_written_while_a_system_error_stands(string storefront)
    {
        var output = SystemHarness.Run(new[] { Shop.Of("Storefront", storefront), Shop.Orders, Shop.Ledger });

        Assert.Equal("Blocked", output.Status);
        Assert.Empty(output.Files);
    }

    [Fact]
    public void The_build_prints_which_host_port_reaches_which_service()
    {
        var inputs = SystemHarness.Inputs(Shop.All);
        var trees = SystemHarness.Driver(inputs).RunGenerators(inputs.Compilation).GetRunResult().GeneratedTrees;
        var source = Assert.Single(trees).ToString();

        Assert.Contains("SidecarGen: shop: http://localhost:8080 -> storefront\\nSidecarGen: shop: http://localhost:8081 -> orders\\nSidecarGen: shop: http://localhost:8082 -> ledger", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_that_is_a_system_writes_no_service_of_its_own()
    {
        var output = GeneratorHarness.Run(Shop.Storefront.Source, new Dictionary<string, string> { ["SidecarGenSystem"] = "shop" });

        Assert.Null(output.Status);
    }

    private static V1Container App(GeneratedOutput output, string service) =>
        KubernetesObjects.Load<V1Deployment>(output[$"kubernetes/{service}/deployment.yaml"]).Spec.Template.Spec.Containers.Single(c => c.Name == service);

    private static string? Env(V1Container container, string name) => container.Env.SingleOrDefault(e => e.Name == name)?.Value;
}
