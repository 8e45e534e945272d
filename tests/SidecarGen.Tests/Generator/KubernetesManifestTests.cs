using k8s.Models;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Generator;

/// <summary>The Kubernetes files of the product's example service, read back strictly and checked field by field.</summary>
public sealed class KubernetesManifestTests
{
    private static readonly GeneratedOutput Output = GeneratorHarness.Run(Sources.OrderService);

    [Fact]
    public void Writes_the_files_kubectl_apply_k_needs()
    {
        Assert.Equal("Generated", Output.Status);
        Assert.Equal(
            new[]
            {
                "kubernetes/configmap-logging.yaml",
                "kubernetes/deployment.yaml",
                "kubernetes/kustomization.yaml",
                "kubernetes/networkpolicy.yaml",
                "kubernetes/poddisruptionbudget.yaml",
                "kubernetes/service.yaml",
                "kubernetes/serviceaccount.yaml",
            },
            Output.Files.Keys.Where(path => path.StartsWith("kubernetes/", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_pod_runs_as_its_own_service_account_which_mounts_no_token()
    {
        var account = KubernetesObjects.Load<V1ServiceAccount>(Output["kubernetes/serviceaccount.yaml"]);
        var pod = KubernetesObjects.Deployment(Output).Spec.Template.Spec;

        Assert.Equal("order-service", account.Metadata.Name);
        Assert.Equal(account.Metadata.Name, pod.ServiceAccountName);
        Assert.False(account.AutomountServiceAccountToken);
        Assert.False(pod.AutomountServiceAccountToken);
    }

    [Fact]
    public void Every_object_reads_back_strictly_with_the_standard_labels()
    {
        foreach (var (path, text) in Output.KubernetesObjects)
        {
            var metadata = Assert.IsAssignableFrom<IMetadata<V1ObjectMeta>>(KubernetesObjects.Load(text)[0]).Metadata;
            Assert.True(metadata.Labels["app.kubernetes.io/name"] == "order-service", path);
            Assert.Equal("SidecarGen", metadata.Labels["app.kubernetes.io/managed-by"]);
            Assert.EndsWith("\n", text);
            Assert.DoesNotContain("\r", text);
        }
    }

    [Fact]
    public void Kustomization_lists_every_other_file()
    {
        var kustomization = YamlJson.Parse(Output["kubernetes/kustomization.yaml"]);
        Assert.Equal("Kustomization", (string?)kustomization["kind"]);
        var resources = kustomization["resources"]!.AsArray().Select(node => "kubernetes/" + (string)node!).Order();
        Assert.Equal(Output.KubernetesObjects.Select(file => file.Key).Order(), resources);
    }

    [Fact]
    public void Sidecars_are_native_init_containers_that_start_before_the_app()
    {
        var pod = KubernetesObjects.Deployment(Output).Spec.Template.Spec;

        // First the one-shot installer of the tools the app's probes run (the app listens on loopback behind the auth proxy).
        Assert.Equal(new[] { "sidecargen-tools", "logging", "auth-proxy" }, pod.InitContainers.Select(c => c.Name));
        Assert.Equal(new[] { "logging", "auth-proxy" }, pod.NativeSidecars().Select(c => c.Name));
        Assert.All(pod.NativeSidecars(), sidecar => Assert.NotNull(sidecar.StartupProbe));
        var app = Assert.Single(pod.Containers);
        Assert.Equal("order-service", app.Name);
        Assert.Equal("registry.example.com/order-service:1.4.2", app.Image);
        Assert.Null(app.RestartPolicy);
    }

    [Fact]
    public void Every_container_meets_the_restricted_pod_security_standard() =>
        PodAssertions.Restricted(KubernetesObjects.Deployment(Output).Spec.Template.Spec);

    [Fact]
    public void The_log_folder_is_shared_writable_by_the_app_and_read_only_by_the_agent()
    {
        var pod = KubernetesObjects.Deployment(Output).Spec.Template.Spec;
        var app = pod.Containers[0].VolumeMounts.Single(m => m.MountPath == "/var/log/app");
        var agent = pod.Container("logging").VolumeMounts.Single(m => m.MountPath == "/var/log/app");

        Assert.Equal(app.Name, agent.Name);
        Assert.NotEqual(true, app.ReadOnlyProperty);
        Assert.True(agent.ReadOnlyProperty);
        Assert.NotNull(pod.Volumes.Single(v => v.Name == app.Name).EmptyDir);
    }

    [Fact]
    public void Fluent_bit_reads_its_config_from_the_configmap_and_answers_probes_on_its_health_endpoint()
    {
        var pod = KubernetesObjects.Deployment(Output).Spec.Template.Spec;
        var agent = pod.InitContainers.Single(c => c.Name == "logging");
        var configMap = KubernetesObjects.Load<V1ConfigMap>(Output["kubernetes/configmap-logging.yaml"]);

        Assert.Equal("order-service-logging", configMap.Metadata.Name);
        var config = configMap.Data["fluent-bit.conf"];
        Assert.Contains("Path               /var/log/app/*.log", config);
        Assert.Contains("Health_Check       On", config);
        var configMount = agent.VolumeMounts.Single(m => m.MountPath == "/etc/sidecargen/logging");
        Assert.True(configMount.ReadOnlyProperty);
        Assert.Equal("order-service-logging", pod.Volumes.Single(v => v.Name == configMount.Name).ConfigMap.Name);
        Assert.Equal(new[] { "--config=/etc/sidecargen/logging/fluent-bit.conf" }, agent.Args);
        Assert.Equal("/api/v1/health", agent.StartupProbe.HttpGet.Path);
        Assert.Equal(2020, agent.Ports.Single(p => p.Name == (string)agent.StartupProbe.HttpGet.Port.Value).ContainerPort);
        Assert.NotNull(Assert.Single(Assert.IsType<V1Deployment>(KubernetesObjects.Load(Output["kubernetes/deployment.yaml"])[0]).Spec.Template.Metadata.Annotations, a => a.Key == "sidecargen.io/config-hash").Value);
    }

    [Fact]
    public void The_auth_proxy_fronts_the_app_and_reads_credentials_only_from_the_secret()
    {
        var pod = KubernetesObjects.Deployment(Output).Spec.Template.Spec;
        var proxy = pod.InitContainers.Single(c => c.Name == "auth-proxy");

        Assert.Contains("--upstream=http://127.0.0.1:8080/", proxy.Args);
        Assert.Contains("--http-address=0.0.0.0:4180", proxy.Args);
        Assert.Contains("--oidc-issuer-url=https://login.example.com/realms/shop", proxy.Args);
        Assert.Contains("--client-secret-file=/run/secrets/order-auth/client-secret", proxy.Args);
        Assert.DoesNotContain(proxy.Args, arg => arg.StartsWith("--cookie-secret", StringComparison.Ordinal) || arg.StartsWith("--client-id", StringComparison.Ordinal));
        Assert.Equal(
            new[] { ("OAUTH2_PROXY_CLIENT_ID", "order-auth", "client-id"), ("OAUTH2_PROXY_COOKIE_SECRET", "order-auth", "cookie-secret") },
            proxy.Env.Select(e => (e.Name, e.ValueFrom.SecretKeyRef.Name, e.ValueFrom.SecretKeyRef.Key)));
        Assert.All(proxy.Env, e => Assert.Null(e.Value));
        var secretMount = proxy.VolumeMounts.Single(m => m.MountPath == "/run/secrets/order-auth");
        Assert.True(secretMount.ReadOnlyProperty);
        Assert.Equal("order-auth", pod.Volumes.Single(v => v.Name == secretMount.Name).Secret.SecretName);
        Assert.Equal("/ping", proxy.ReadinessProbe.HttpGet.Path);
    }

    [Fact]
    public void The_service_targets_the_auth_proxy_not_the_app()
    {
        var service = KubernetesObjects.Load<V1Service>(Output["kubernetes/service.yaml"]);
        var pod = KubernetesObjects.Deployment(Output).Spec.Template.Spec;
        var port = Assert.Single(service.Spec.Ports);
        var target = pod.AllContainers().SelectMany(c => (c.Ports ?? new List<V1ContainerPort>()).Select(p => (c.Name, p))).Single(x => x.p.Name == port.TargetPort.Value);

        Assert.Equal(("auth-proxy", 4180), (target.Name, target.p.ContainerPort));
        Assert.Equal(service.Spec.Selector, KubernetesObjects.Deployment(Output).Spec.Selector.MatchLabels);
        var policy = KubernetesObjects.Load<V1NetworkPolicy>(Output["kubernetes/networkpolicy.yaml"]);
        Assert.Equal(new[] { "4180" }, policy.Spec.Ingress.Single().Ports.Select(p => p.Port.Value));
    }

    [Fact]
    public void No_two_containers_of_the_pod_share_a_port_or_a_port_name()
    {
        var pod = KubernetesObjects.Deployment(Output).Spec.Template.Spec;
        var ports = pod.AllContainers().SelectMany(c => c.Ports ?? new List<V1ContainerPort>()).ToList();
        Assert.Equal(ports.Count, ports.Select(p => p.ContainerPort).Distinct().Count());
        Assert.Equal(ports.Count, ports.Select(p => p.Name).Distinct().Count());
    }

    [Fact]
    public void A_pod_disruption_budget_comes_only_with_more_than_one_replica()
    {
        var budget = KubernetesObjects.Load<V1PodDisruptionBudget>(Output["kubernetes/poddisruptionbudget.yaml"]);
        Assert.Equal("1", budget.Spec.MaxUnavailable.Value);

        var single = GeneratorHarness.Run(Sources.Program("SidecarService(\"solo\", Replicas = 1)", "LoggingSidecar"));
        Assert.DoesNotContain("kubernetes/poddisruptionbudget.yaml", single.Files.Keys);
        Assert.DoesNotContain("poddisruptionbudget.yaml", single["kubernetes/kustomization.yaml"]);
    }

    [Fact]
    public void Before_kubernetes_1_29_sidecars_become_ordinary_containers()
    {
        var output = GeneratorHarness.Run(Sources.OrderService, new Dictionary<string, string> { ["SidecarGenKubernetesVersion"] = "1.28" });
        var pod = KubernetesObjects.Deployment(output).Spec.Template.Spec;

        Assert.Empty(pod.NativeSidecars());
        Assert.Equal(new[] { "sidecargen-tools" }, pod.InitContainers.Select(c => c.Name)); // the probe tools, one-shot
        Assert.Equal(new[] { "logging", "auth-proxy", "order-service" }, pod.Containers.Select(c => c.Name));
        Assert.All(pod.Containers, c => Assert.Null(c.RestartPolicy));
    }

    [Fact]
    public void The_namespace_property_reaches_every_object_and_the_kustomization()
    {
        var output = GeneratorHarness.Run(Sources.OrderService, new Dictionary<string, string> { ["SidecarGenNamespace"] = "shop" });

        foreach (var (_, text) in output.KubernetesObjects.Where(file => file.Key != "kubernetes/namespace.yaml"))
        {
            Assert.Equal("shop", Assert.IsAssignableFrom<IMetadata<V1ObjectMeta>>(KubernetesObjects.Load(text)[0]).Metadata.NamespaceProperty);
        }

        Assert.Equal("shop", (string?)YamlJson.Parse(output["kubernetes/kustomization.yaml"])["namespace"]);
    }

    /// <summary>SPEC §4b: <c>kubectl apply -k</c> on an empty cluster creates the namespace first, enforcing what every Pod already meets.</summary>
    [Fact]
    public void With_a_namespace_the_output_creates_it_enforcing_the_restricted_pod_security_standard()
    {
        var output = GeneratorHarness.Run(Sources.OrderService, new Dictionary<string, string> { ["SidecarGenNamespace"] = "shop" });

        var ns = KubernetesObjects.Load<V1Namespace>(output["kubernetes/namespace.yaml"]);
        Assert.Equal("shop", ns.Metadata.Name);
        Assert.Null(ns.Metadata.NamespaceProperty);
        Assert.Equal("restricted", ns.Metadata.Labels["pod-security.kubernetes.io/enforce"]);
        Assert.Equal("restricted", ns.Metadata.Labels["pod-security.kubernetes.io/warn"]);
        Assert.Equal("restricted", ns.Metadata.Labels["pod-security.kubernetes.io/audit"]);
        Assert.Equal("namespace.yaml", (string?)YamlJson.Parse(output["kubernetes/kustomization.yaml"])["resources"]![0]);
        PodAssertions.Restricted(KubernetesObjects.Deployment(output).Spec.Template.Spec);

        Assert.False(GeneratorHarness.Run(Sources.OrderService).Files.ContainsKey("kubernetes/namespace.yaml"));
    }

    /// <summary>An injected proxy's init container needs NET_ADMIN without the mesh's CNI plugin: enforcing restricted would refuse the Pod.</summary>
    [Theory]
    [InlineData("istio")]
    [InlineData("linkerd")]
    public void With_an_injected_mesh_the_namespace_warns_and_audits_but_does_not_enforce(string mesh)
    {
        var output = GeneratorHarness.Run(SidecarDeclarations.Service(SidecarDeclarations.Meshes[mesh]), new Dictionary<string, string> { ["SidecarGenNamespace"] = "shop" });

        var labels = KubernetesObjects.Load<V1Namespace>(output["kubernetes/namespace.yaml"]).Metadata.Labels;
        Assert.False(labels.ContainsKey("pod-security.kubernetes.io/enforce"));
        Assert.Equal("restricted", labels["pod-security.kubernetes.io/warn"]);
        Assert.Equal("restricted", labels["pod-security.kubernetes.io/audit"]);
    }
}
