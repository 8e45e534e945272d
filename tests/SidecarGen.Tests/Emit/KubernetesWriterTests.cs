using k8s.Models;
using SidecarGen.Emit.Kubernetes;
using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Tests.Infrastructure;
using static SidecarGen.Tests.Emit.HandPlans;

namespace SidecarGen.Tests.Emit;

/// <summary>The Kubernetes writers on hand-built plans, read back strictly and checked field by field.</summary>
public sealed class KubernetesWriterTests
{
    private static Dictionary<string, string> Files(ServicePlan plan) => KubernetesManifests.Write(plan).ToDictionary(f => f.Path, f => f.Content);

    private static V1PodSpec Pod(ServicePlan plan) => KubernetesObjects.Load<V1Deployment>(DeploymentWriter.Write(plan)).Spec.Template.Spec;

    [Fact]
    public void Native_sidecars_are_init_containers_that_always_restart()
    {
        var pod = Pod(Full(nativeSidecars: true));

        PodAssertions.Restricted(pod);
        Assert.Equal(new[] { "tailer", "gate" }, pod.InitContainers.Select(c => c.Name));
        Assert.All(pod.InitContainers, sidecar => Assert.Equal("Always", sidecar.RestartPolicy));
        var app = Assert.Single(pod.Containers);
        Assert.Equal(App, app.Name);
        Assert.Null(app.RestartPolicy);
    }

    [Fact]
    public void Without_native_sidecars_they_are_plain_containers_listed_before_the_app()
    {
        var pod = Pod(Full(nativeSidecars: false));

        PodAssertions.Restricted(pod);
        Assert.Null(pod.InitContainers);
        Assert.Equal(new[] { "tailer", "gate", App }, pod.Containers.Select(c => c.Name));
        Assert.All(pod.Containers, container => Assert.Null(container.RestartPolicy));
    }

    [Fact]
    public void Each_kind_of_volume_is_backed_as_planned_and_mounted_where_planned()
    {
        var plan = Full();
        var pod = Pod(plan);

        // In the order they are first mounted: the app's, then the tailer's.
        Assert.Equal(new[] { "tmp", "tailer-logs", "tailer-config", "tailer-state", "secret-shop-creds" }, pod.Volumes.Select(v => v.Name));
        var volumes = pod.Volumes.ToDictionary(v => v.Name);
        Assert.Equal("256Mi", volumes["tmp"].EmptyDir.SizeLimit.ToString());
        Assert.Equal("1Gi", volumes["tailer-logs"].EmptyDir.SizeLimit.ToString());
        Assert.Equal("256Mi", volumes["tailer-state"].EmptyDir.SizeLimit.ToString());
        Assert.Equal("shop-tailer", volumes["tailer-config"].ConfigMap.Name);
        Assert.Equal("shop-creds", volumes["secret-shop-creds"].Secret.SecretName);

        var app = pod.Container(App).VolumeMounts.ToDictionary(m => m.Name);
        Assert.Equal(new[] { "tmp", "tailer-logs" }, app.Keys);
        Assert.Equal("/var/log/shop", app["tailer-logs"].MountPath);
        Assert.Null(app["tailer-logs"].ReadOnlyProperty);

        var tailer = pod.Container("tailer").VolumeMounts.ToDictionary(m => m.Name);
        Assert.Equal(("/etc/sidecargen/tailer", true), (tailer["tailer-config"].MountPath, tailer["tailer-config"].ReadOnlyProperty));
        Assert.Equal(("/var/log/shop", true), (tailer["tailer-logs"].MountPath, tailer["tailer-logs"].ReadOnlyProperty));
        Assert.Equal(("/var/lib/tailer", (bool?)null), (tailer["tailer-state"].MountPath, tailer["tailer-state"].ReadOnlyProperty));
        Assert.Equal(("/run/secrets/shop-creds", true), (tailer["secret-shop-creds"].MountPath, tailer["secret-shop-creds"].ReadOnlyProperty));
        Assert.Null(pod.Container("gate").VolumeMounts);

        var configMap = KubernetesObjects.Load<V1ConfigMap>(Files(plan)["kubernetes/configmap-tailer.yaml"]);
        Assert.Equal("shop-tailer", configMap.Metadata.Name);
        Assert.Equal(new Dictionary<string, string> { ["tailer.conf"] = Tailer.ConfigFiles[0].Content }, configMap.Data);
    }

    [Fact]
    public void Containers_carry_their_probe_command_args_and_env_as_planned()
    {
        var deployment = KubernetesObjects.Load<V1Deployment>(DeploymentWriter.Write(Full()));
        var pod = deployment.Spec.Template.Spec;

        var tailer = pod.Container("tailer");
        foreach (var probe in new[] { tailer.StartupProbe, tailer.ReadinessProbe, tailer.LivenessProbe })
        {
            Assert.Equal(new[] { "cat", "/tmp/ready" }, probe.Exec.Command);
            Assert.Null(probe.HttpGet);
            Assert.Null(probe.TcpSocket);
        }

        Assert.Equal("https", pod.Container("gate").ReadinessProbe.TcpSocket.Port.Value);
        Assert.Equal("/healthz", pod.Container(App).ReadinessProbe.HttpGet.Path);
        Assert.Equal(new[] { "/bin/tailer" }, tailer.Command);
        Assert.Equal(new[] { "--config", "/etc/sidecargen/tailer/tailer.conf" }, tailer.Args);
        Assert.Equal("$HOME/*.log", tailer.Env.Single(e => e.Name == "PATTERN").Value);
        var token = tailer.Env.Single(e => e.Name == "TAILER_TOKEN");
        Assert.Null(token.Value);
        Assert.Equal(("shop-creds", "token"), (token.ValueFrom.SecretKeyRef.Name, token.ValueFrom.SecretKeyRef.Key));

        var annotations = deployment.Spec.Template.Metadata.Annotations;
        Assert.Matches("^[0-9a-f]{16}$", annotations["sidecargen.io/config-hash"]);
        Assert.Equal("9100", annotations["prometheus.io/port"]);
        Assert.Equal("/metrics", annotations["prometheus.io/path"]);
    }

    [Fact]
    public void The_service_and_the_network_policy_lead_to_the_entry_point()
    {
        foreach (var (plan, container, port) in new[] { (Full(), "gate", 8443), (Plan(Tailer), App, 8080) })
        {
            var files = Files(plan);
            var service = KubernetesObjects.Load<V1Service>(files["kubernetes/service.yaml"]);
            var servicePort = Assert.Single(service.Spec.Ports);
            Assert.Equal(80, servicePort.Port);
            Assert.Equal(plan.Entry.PortName, servicePort.TargetPort.Value);
            Assert.Equal((container, port), Pod(plan).ResolvePort(servicePort.TargetPort.Value));
            Assert.Equal(new Dictionary<string, string> { ["app.kubernetes.io/name"] = App, ["app.kubernetes.io/instance"] = App }, service.Spec.Selector);

            // The entry port and the tailer's scrape port, nothing else: no way round the gate to the app.
            var policy = KubernetesObjects.Load<V1NetworkPolicy>(files["kubernetes/networkpolicy.yaml"]);
            Assert.Equal(new[] { port.ToString(), "9100" }, policy.Spec.Ingress.Single().Ports.Select(p => p.Port.Value));
        }
    }

    [Fact]
    public void An_injected_sidecar_shapes_the_objects_around_the_pod_but_is_not_rendered()
    {
        var plan = Plan(Tailer, Injected);
        var files = Files(plan);
        var deployment = KubernetesObjects.Load<V1Deployment>(files["kubernetes/deployment.yaml"]);
        var pod = deployment.Spec.Template.Spec;
        Assert.Equal(new[] { "tailer", App }, pod.AllContainers().Select(c => c.Name));
        Assert.Equal("yes", deployment.Spec.Template.Metadata.Labels["mesh.example.com/member"]);
        Assert.Equal("true", deployment.Spec.Template.Metadata.Annotations["mesh.example.com/inject"]);
        Assert.False(deployment.Metadata.Labels.ContainsKey("mesh.example.com/member"));

        var service = KubernetesObjects.Load<V1Service>(files["kubernetes/service.yaml"]);
        Assert.Equal("15s", service.Metadata.Annotations["mesh.example.com/timeout"]);
        Assert.Equal("http", service.Spec.Ports.Single().AppProtocol);
        var policy = KubernetesObjects.Load<V1NetworkPolicy>(files["kubernetes/networkpolicy.yaml"]);
        Assert.Equal(new[] { "8080", "9100", "15090" }, policy.Spec.Ingress.Single().Ports.Select(p => p.Port.Value));

        // The object: standard metadata, then its body exactly as planned, every string a string.
        var written = YamlJson.Parse(files["kubernetes/mesh-policy.yaml"]);
        Assert.Equal("policy.example.com/v1", (string?)written["apiVersion"]);
        Assert.Equal("Policy", (string?)written["kind"]);
        Assert.Equal("shop-policy", (string?)written["metadata"]!["name"]);
        Assert.Equal(App, (string?)written["metadata"]!["labels"]!["app.kubernetes.io/name"]);
        Assert.Equal(new[] { "shop", "yes", "0755", "a: #b", "---" }, written["spec"]!["hosts"]!.AsArray().Select(h => (string)h!));
        Assert.Equal(3, (long)written["spec"]!["retries"]!);
        Assert.True((bool)written["spec"]!["strict"]!);
        Assert.Equal("{{ x }}", (string?)written["spec"]!["rules"]![0]!["match"]);
        Assert.Contains("mesh-policy.yaml", YamlJson.Parse(files["kubernetes/kustomization.yaml"])["resources"]!.AsArray().Select(r => (string)r!));

        var compose = YamlJson.Parse(SidecarGen.Emit.Compose.ComposeWriter.Write(plan).First().Content)["services"]!.AsObject();
        Assert.Equal(new[] { App + "-pod", App + "-variables", App + "-secrets", App + "-tailer", App }, compose.Select(service => service.Key));
    }

    [Fact]
    public void The_files_follow_the_plan_and_kustomization_lists_them()
    {
        var single = Files(Plan(Gate) with { Replicas = 1, Namespace = "shops" });
        Assert.Equal(
            new[] { "kubernetes/namespace.yaml", "kubernetes/deployment.yaml", "kubernetes/service.yaml", "kubernetes/serviceaccount.yaml", "kubernetes/networkpolicy.yaml", "kubernetes/kustomization.yaml" },
            single.Keys);
        foreach (var (path, text) in single.Where(f => f.Key is not ("kubernetes/kustomization.yaml" or "kubernetes/namespace.yaml")))
        {
            var metadata = Assert.IsAssignableFrom<IMetadata<V1ObjectMeta>>(KubernetesObjects.Load(text)[0]).Metadata;
            Assert.True(metadata.NamespaceProperty == "shops", path);
            Assert.Equal("3.1.4", metadata.Labels["app.kubernetes.io/version"]);
        }

        var kustomization = YamlJson.Parse(single["kubernetes/kustomization.yaml"]);
        Assert.Equal("shops", (string?)kustomization["namespace"]);
        Assert.Equal(new[] { "namespace.yaml", "deployment.yaml", "service.yaml", "serviceaccount.yaml", "networkpolicy.yaml" }, kustomization["resources"]!.AsArray().Select(r => (string)r!));

        var full = Files(Full());
        Assert.Contains("kubernetes/configmap-tailer.yaml", full.Keys);
        var budget = KubernetesObjects.Load<V1PodDisruptionBudget>(full["kubernetes/poddisruptionbudget.yaml"]);
        Assert.Equal("1", budget.Spec.MaxUnavailable.Value);
        Assert.Equal(App, budget.Spec.Selector.MatchLabels["app.kubernetes.io/name"]);
    }

    [Fact]
    public void The_add_on_writers_render_what_the_plan_says_and_nothing_else()
    {
        var addOns = ClusterAddOns.Read(name => name switch
        {
            ClusterAddOns.PrometheusProperty => "PodMonitor",
            ClusterAddOns.GatewayProperty => "edge/public",
            ClusterAddOns.IngressNamespaceProperty => "edge-proxies",
            ClusterAddOns.SecretStoreProperty => "SecretStore/shop",
            _ => null,
        });
        var gate = Gate with { Certificate = new CertificateSpec(new QualifiedName("Issuer", "shop-ca"), "gate-tls", ClientAuth: false) };
        var files = Files(Plan(Tailer, gate) with { Host = "shop.example.com", AddOns = addOns });

        Assert.Equal(
            new[] { "podmonitor.yaml", "certificate-gate-tls.yaml", "httproute.yaml", "externalsecret-shop-creds.yaml" },
            files.Keys.Select(Path.GetFileName).SkipWhile(name => name != "networkpolicy.yaml").Skip(1).SkipLast(1));
        Assert.DoesNotContain("prometheus.io/", files["kubernetes/deployment.yaml"]);
        var monitor = YamlJson.Parse(files["kubernetes/podmonitor.yaml"]);
        Assert.Equal("tailer-metrics", (string?)monitor["spec"]!["podMetricsEndpoints"]![0]!["port"]);
        var external = YamlJson.Parse(files["kubernetes/externalsecret-shop-creds.yaml"])["spec"]!;
        Assert.Equal(new[] { "token", "ca.crt" }, external["data"]!.AsArray().Select(d => (string)d!["secretKey"]!));
        Assert.Equal("SecretStore", (string?)external["secretStoreRef"]!["kind"]);

        // The controller's namespace, not the Gateway's, is admitted when SidecarGenIngressNamespace says so.
        var policy = KubernetesObjects.Load<V1NetworkPolicy>(files["kubernetes/networkpolicy.yaml"]);
        var controllerRule = policy.Spec.Ingress[1];
        Assert.Equal("edge-proxies", controllerRule.FromProperty.Single().NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"]);
        Assert.Equal("8443", controllerRule.Ports.Single().Port.Value);
    }
}
