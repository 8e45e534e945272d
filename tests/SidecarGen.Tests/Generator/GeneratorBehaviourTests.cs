using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Generator;

/// <summary>When the generator writes, what it names things, and what it refuses to write.</summary>
public sealed class GeneratorBehaviourTests
{
    [Fact]
    public void A_project_without_sidecargen_attributes_gets_no_generated_source()
    {
        var output = GeneratorHarness.Run("public partial class Program;");
        Assert.Null(output.Status);
        Assert.Empty(output.Files);
    }

    [Fact]
    public void Attributes_on_a_class_that_is_not_the_entry_point_are_ignored()
    {
        var output = GeneratorHarness.Run("using SidecarGen;\n[LoggingSidecar] public class Helpers { }");
        Assert.Null(output.Status);
    }

    [Fact]
    public void Without_sidecar_service_every_default_applies()
    {
        var output = GeneratorHarness.Run(
            Sources.Program("LoggingSidecar"),
            new Dictionary<string, string> { ["AssemblyName"] = "OrderService.Api", ["Version"] = "2.3.4" });
        var deployment = KubernetesObjects.Deployment(output);
        var app = deployment.Spec.Template.Spec.Containers[0];

        Assert.Equal("order-service-api", deployment.Metadata.Name);
        Assert.Equal("order-service-api:2.3.4", app.Image);
        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.Equal(8080, app.Ports.Single().ContainerPort);
        Assert.Equal("/healthz", app.ReadinessProbe.HttpGet.Path);
        Assert.Equal("2.3.4", deployment.Metadata.Labels["app.kubernetes.io/version"]);
        Assert.Equal(("250m", "256Mi", "1", "512Mi"), (app.Resources.Requests["cpu"].ToString(), app.Resources.Requests["memory"].ToString(), app.Resources.Limits["cpu"].ToString(), app.Resources.Limits["memory"].ToString()));
    }

    [Fact]
    public void The_image_defaults_to_the_sdk_container_properties()
    {
        var output = GeneratorHarness.Run(
            Sources.Program("LoggingSidecar"),
            new Dictionary<string, string>
            {
                ["AssemblyName"] = "OrderService",
                ["ContainerRegistry"] = "ghcr.io",
                ["ContainerRepository"] = "shop/orders",
                ["ContainerImageTags"] = "1.2.0;latest",
            });
        Assert.Equal("ghcr.io/shop/orders:1.2.0", KubernetesObjects.Deployment(output).Spec.Template.Spec.Containers[0].Image);
    }

    [Theory]
    [InlineData("SidecarGenKubernetes", "kubernetes/")]
    [InlineData("SidecarGenCompose", "compose/")]
    public void Each_output_can_be_switched_off(string property, string folder)
    {
        var output = GeneratorHarness.Run(Sources.OrderService, new Dictionary<string, string> { [property] = "false" });
        Assert.Equal("Generated", output.Status);
        Assert.DoesNotContain(output.Files.Keys, path => path.StartsWith(folder, StringComparison.Ordinal));
        Assert.NotEmpty(output.Files);
    }

    [Theory]
    [InlineData("SidecarService(\"order-service\", Port = 70000)")]
    [InlineData("SidecarService(\"Order_Service\")")]
    [InlineData("SidecarService(\"order-service\", CpuRequest = \"2\", CpuLimit = \"1\")")]
    [InlineData("SidecarService(\"order-service\", MemoryLimit = \"lots\")")]
    public void An_error_in_the_attributes_blocks_the_output_instead_of_writing_a_broken_file(string service)
    {
        var output = GeneratorHarness.Run(Sources.Program(service, "LoggingSidecar"));
        Assert.Equal("Blocked", output.Status);
        Assert.Empty(output.Files);
        Assert.Matches(@"^(SCG00\d\d: [^\n]+)(\nSCG00\d\d: [^\n]+)*$", output.BlockedBy);
    }

    [Fact]
    public void A_blocked_output_names_only_the_rules_that_block()
    {
        var output = GeneratorHarness.Run(Sources.Program("SidecarService(\"svc\", Port = 70000)", "Sidecar(\"cache\", \"redis\", Ports = new[] { 6379 })"));
        Assert.Equal("Blocked", output.Status);
        Assert.StartsWith("SCG0009: ", output.BlockedBy);
        Assert.DoesNotContain("SCG0005", output.BlockedBy); // an untagged image only warns
    }

    [Theory]
    [InlineData("AuthProxySidecar")]
    [InlineData("AuthProxySidecar(IssuerUrl = \"login.example.com\")")]
    [InlineData("LoggingSidecar(Output = LogOutput.Loki)")]
    [InlineData("LoggingSidecar(LogPath = \"/var/log\\n[OUTPUT]\")")]
    [InlineData("Sidecar(\"clash\", \"example/clash:1.0\", Ports = new[] { 8080 })")]
    [InlineData("LoggingSidecar(Agent = LogAgent.Filebeat, Output = LogOutput.Splunk, Endpoint = \"https://splunk:8088\")")]
    [InlineData("Sidecar(\"Env\", \"example/env:1.0\", Env = new[] { \"DB_PASSWORD=hunter2\" })")]
    public void Sidecar_errors_block_the_output(string sidecar)
    {
        Assert.Equal("Blocked", GeneratorHarness.Run(Sources.Program("SidecarService(\"svc\")", sidecar)).Status);
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    public void Output_is_byte_identical_across_runs_and_cultures(string cultureName)
    {
        var first = GeneratorHarness.Run(SidecarDeclarations.All());
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        var uiCulture = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(cultureName);
            var second = GeneratorHarness.Run(SidecarDeclarations.All());
            Assert.Equal(first.Files, second.Files);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
            System.Globalization.CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    [Fact]
    public void The_order_of_named_arguments_and_of_partial_declarations_does_not_matter()
    {
        var written = GeneratorHarness.Run(Sources.Program(
            "SidecarService(\"svc\", Port = 9000, Replicas = 3, CpuRequest = \"500m\")",
            "LoggingSidecar(LogPath = \"/logs\", Output = LogOutput.Loki, Endpoint = \"http://loki:3100\")"));
        var reordered = GeneratorHarness.Run(Sources.Program(
            "SidecarService(\"svc\", CpuRequest = \"500m\", Replicas = 3, Port = 9000)",
            "LoggingSidecar(Endpoint = \"http://loki:3100\", Output = LogOutput.Loki, LogPath = \"/logs\")"));

        Assert.Equal(written.Files, reordered.Files);
    }

    [Fact]
    public void Files_have_lf_endings_a_final_newline_and_no_timestamp()
    {
        foreach (var (path, text) in GeneratorHarness.Run(SidecarDeclarations.All()).Files)
        {
            Assert.DoesNotContain("\r", text);
            Assert.EndsWith("\n", text);
            Assert.DoesNotMatch(@"20\d\d-\d\d-\d\d[T ]\d\d:\d\d", text);
            Assert.False(string.IsNullOrWhiteSpace(path));
        }
    }

    [Fact]
    public void Attribute_strings_reach_the_manifests_as_the_same_strings()
    {
        string[] values = { "yes", "0755", "null", "a: b # c", "---", "{{ .Values }}", "*alias", "&anchor", "line1\nline2", "tab\there", "ünïcödé ✓", "1:20", "~", "'quoted'", "\"double\"" };
        var env = string.Join(", ", values.Select((v, i) => "\"V" + i + "=" + v.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\t", "\\t") + "\""));
        var args = string.Join(", ", values.Select(v => "\"" + v.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\t", "\\t") + "\""));
        var output = GeneratorHarness.Run(Sources.Program("SidecarService(\"svc\")", $"Sidecar(\"echo\", \"example/echo:1.0\", Ports = new[] {{ 9000 }}, Args = new[] {{ {args} }}, Env = new[] {{ {env} }})"));

        var container = KubernetesObjects.Deployment(output).Spec.Template.Spec.InitContainers.Single();
        Assert.Equal(values, container.Env.Select(e => e.Value));
        Assert.Equal(values, container.Args);
        var compose = YamlJson.Parse(output["compose/compose.yaml"])["services"]!["svc-echo"]!["environment"]!.AsObject();
        Assert.Equal(values, compose.Select(pair => pair.Value!.GetValue<string>()));
        var command = YamlJson.Parse(output["compose/compose.yaml"])["services"]!["svc-echo"]!["command"]!.AsArray();
        Assert.Equal(values, command.Select(item => item!.GetValue<string>()));
        ComposeSchema.AssertValid(output["compose/compose.yaml"]);
    }
}
