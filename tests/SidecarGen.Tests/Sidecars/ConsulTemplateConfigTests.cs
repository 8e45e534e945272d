using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Sidecars;

/// <summary>consul-template's HCL config (no binary here): the blocks and keys its docs define, with the values from the attribute.</summary>
public sealed class ConsulTemplateConfigTests
{
    [Fact]
    public void Renders_the_key_tree_as_json_into_the_shared_mount()
    {
        var output = GeneratorHarness.Run(SidecarDeclarations.Service("ConfigWatcherSidecar(Address = \"https://consul.shop.svc:8501\", Key = \"config/payments\", MountPath = \"/etc/payments\")"));
        var hcl = output["compose/config/payment-service-config-watcher/consul-template.hcl"];

        Assert.Contains("consul {\n  address = \"consul.shop.svc:8501\"\n  ssl {\n    enabled = true\n", hcl);
        Assert.Contains("  retry {\n    enabled     = true\n    attempts    = 0\n", hcl);
        Assert.Contains("  contents    = \"{{ tree \\\"config/payments\\\" | explode | toJSONPretty }}\"\n", hcl);
        Assert.Contains("  destination = \"/etc/payments/config.json\"\n", hcl);
        Assert.Equal(hcl.Count(c => c == '{') - Count(hcl, "{{") * 2, hcl.Count(c => c == '}') - Count(hcl, "}}") * 2);

        var pod = KubernetesObjects.Deployment(output).Spec.Template.Spec;
        var watcher = pod.Container("config-watcher");
        Assert.StartsWith("hashicorp/consul-template:", watcher.Image);
        Assert.Equal(new[] { "-config=/etc/sidecargen/config-watcher/consul-template.hcl" }, watcher.Args);
        Assert.Equal(new[] { "test", "-s", "/etc/payments/config.json" }, watcher.StartupProbe.Exec.Command);
        Assert.Contains(pod.Containers[0].VolumeMounts, m => m.MountPath == "/etc/payments" && m.ReadOnlyProperty == true);
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
