using System.Text.Json.Nodes;
using k8s.Models;
using SidecarGen.Model;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Generator;

/// <summary>
/// The objects for the cluster's operators (Prometheus Operator, cert-manager, Gateway API / Ingress,
/// External Secrets): off without their settings, and each link to the objects it refers to holds —
/// checked against the Deployment, Services and Compose file, not against the writers' own data.
/// </summary>
public sealed class ClusterAddOnTests
{
    private static readonly string[] AddOnSettings =
        { "SidecarGenPrometheus", "SidecarGenGateway", "SidecarGenIngressClass", "SidecarGenIngressNamespace", "SidecarGenSecretStore", "SidecarGenAutoscaler", "SidecarGenPrometheusAddress", "SidecarGenIstioVersion", "SidecarGenLinkerdVersion" };

    [Fact]
    public void Every_add_on_property_is_compiler_visible_and_tested()
    {
        var names = typeof(ClusterAddOns).GetFields()
            .Where(field => field.IsLiteral && field.Name.EndsWith("Property", StringComparison.Ordinal))
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToList();
        Assert.Equal(AddOnSettings.Order(), names.Order());
        var props = File.ReadAllText(Path.Combine(Repository.Root, "src", "SidecarGen.Build", "build", "SidecarGen.props"));
        Assert.All(names, name => Assert.Contains($"<CompilerVisibleProperty Include=\"{name}\" />", props));
    }

    [Fact]
    public void Without_the_settings_no_add_on_object_is_written()
    {
        var output = GeneratorHarness.Run(SidecarDeclarations.All());
        Assert.DoesNotContain(output.Files.Keys.Where(path => path.StartsWith("kubernetes/", StringComparison.Ordinal)), path => path.Contains("monitor") || path.Contains("externalsecret") || path.Contains("certificate")
            || path.Contains("ingress") || path.Contains("httproute") || path.Contains("service-metrics"));
    }

    [Fact]
    public void Annotations_written_explicitly_is_byte_identical_to_the_default()
    {
        var source = SidecarDeclarations.All();
        Assert.Equal(GeneratorHarness.Run(source).Files, GeneratorHarness.Run(source, new Dictionary<string, string> { ["SidecarGenPrometheus"] = "annotations" }).Files);
    }

    [Fact]
    public void Routing_settings_without_a_host_change_nothing()
    {
        var source = SidecarDeclarations.All();
        var routed = new Dictionary<string, string> { ["SidecarGenGateway"] = "gateway-system/public", ["SidecarGenIngressClass"] = "nginx", ["SidecarGenIngressNamespace"] = "ingress-nginx" };
        Assert.Equal(GeneratorHarness.Run(source).Files, GeneratorHarness.Run(source, routed).Files);
    }

    [Theory]
    [MemberData(nameof(AddOnServices.Variants), MemberType = typeof(AddOnServices))]
    public void Every_file_is_listed_in_the_kustomization_and_every_object_carries_the_labels_and_namespace(string variant)
    {
        var output = GeneratorHarness.Run(AddOnServices.Source, AddOnServices.Properties(variant));
        Assert.Equal("Generated", output.Status);
        var resources = Json(output, "kustomization.yaml")["resources"]!.AsArray().Select(r => "kubernetes/" + (string)r!).Order();
        Assert.Equal(output.KubernetesObjects.Select(file => file.Key).Order(), resources);
        // The Namespace itself is cluster-scoped, and the service's labels would not say what it holds.
        foreach (var (path, _) in output.KubernetesObjects.Where(file => file.Key != "kubernetes/namespace.yaml"))
        {
            var metadata = Json(output, path["kubernetes/".Length..])["metadata"]!;
            Assert.Equal(AddOnServices.Namespace, (string?)metadata["namespace"]);
            var labels = metadata["labels"]!.AsObject();
            foreach (var label in new[] { "app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/component", "app.kubernetes.io/managed-by" })
            {
                Assert.True(labels.ContainsKey(label), $"{path} lacks {label}");
            }
        }
    }

    [Fact]
    public void The_pod_monitor_selects_these_pods_and_scrapes_ports_that_exist_and_the_annotations_are_gone()
    {
        var output = GeneratorHarness.Run(AddOnServices.Source, AddOnServices.Gateway());
        var deployment = KubernetesObjects.Deployment(output);
        var monitor = Json(output, "podmonitor.yaml");

        Assert.Equal("monitoring.coreos.com/v1", (string?)monitor["apiVersion"]);
        AssertSelects(monitor["spec"]!["selector"]!["matchLabels"]!, deployment.Spec.Template.Metadata.Labels);
        var ports = PodPorts(deployment);
        var endpoints = monitor["spec"]!["podMetricsEndpoints"]!.AsArray();
        Assert.Equal(new[] { ("metrics", "/metrics"), ("mesh-stats", "/stats/prometheus") }, endpoints.Select(e => ((string)e!["port"]!, (string)e["path"]!)));
        Assert.All(endpoints, endpoint => Assert.Contains((string)endpoint!["port"]!, ports.Keys));
        Assert.DoesNotContain(deployment.Spec.Template.Metadata.Annotations ?? new Dictionary<string, string>(), a => a.Key.StartsWith("prometheus.io/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_service_monitor_selects_only_the_metrics_service_whose_named_ports_reach_the_metrics_containers()
    {
        var output = GeneratorHarness.Run(AddOnServices.Source, AddOnServices.Ingress());
        var deployment = KubernetesObjects.Deployment(output);
        var service = KubernetesObjects.Load<V1Service>(output["kubernetes/service.yaml"]);
        var metricsService = KubernetesObjects.Load<V1Service>(output["kubernetes/service-metrics.yaml"]);
        var monitor = Json(output, "servicemonitor.yaml");

        var selector = monitor["spec"]!["selector"]!["matchLabels"]!;
        AssertSelects(selector, metricsService.Metadata.Labels);
        Assert.False(Selects(selector, service.Metadata.Labels), "the ServiceMonitor must not select the app's Service");
        AssertSelects(JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(metricsService.Spec.Selector))!, deployment.Spec.Template.Metadata.Labels);

        var podPorts = PodPorts(deployment);
        foreach (var endpoint in monitor["spec"]!["endpoints"]!.AsArray())
        {
            var port = Assert.Single(metricsService.Spec.Ports, p => p.Name == (string)endpoint!["port"]!);
            Assert.Equal(podPorts[port.TargetPort.Value], port.Port);
        }

        Assert.Equal(2, metricsService.Spec.Ports.Count);
        Assert.Equal("None", metricsService.Spec.ClusterIP);
        Assert.DoesNotContain(deployment.Spec.Template.Metadata.Annotations ?? new Dictionary<string, string>(), a => a.Key.StartsWith("prometheus.io/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AddOnServices.Variants), MemberType = typeof(AddOnServices))]
    public void Each_certificate_writes_a_secret_its_sidecar_mounts_for_the_service_in_the_cluster(string variant)
    {
        var output = GeneratorHarness.Run(AddOnServices.Source, AddOnServices.Properties(variant));
        var pod = KubernetesObjects.Deployment(output).Spec.Template.Spec;
        var mountedBy = pod.Volumes.Where(v => v.Secret is not null).ToDictionary(
            v => v.Secret.SecretName,
            v => pod.InitContainers.Concat(pod.Containers).Where(c => c.VolumeMounts?.Any(m => m.Name == v.Name) == true).Select(c => c.Name).Single());

        var certificates = output.KubernetesObjects.Where(f => f.Key.Contains("/certificate-")).Select(f => YamlJson.Parse(f.Value)).ToList();
        Assert.Equal(
            new[] { ("orders-tls", "tls-termination", "Issuer", "cluster-ca", false), ("orders-mesh-tls", "service-mesh", "ClusterIssuer", "mesh-ca", true) }.Order(),
            certificates.Select(c => c["spec"]!).Select(spec => (
                (string)spec["secretName"]!,
                mountedBy[(string)spec["secretName"]!],
                (string)spec["issuerRef"]!["kind"]!,
                (string)spec["issuerRef"]!["name"]!,
                spec["usages"]!.AsArray().Any(u => (string)u! == "client auth"))).Order());

        // In-cluster names only: the gateway serves Host and reaches the Pod by the Service, and an ACME issuer
        // (the kind that signs a public Host) refuses the whole order for a name without a dot or under .svc.
        Assert.All(certificates, certificate => Assert.Equal(
            new[] { "orders", "orders.shop", "orders.shop.svc", "orders.shop.svc.cluster.local" },
            certificate["spec"]!["dnsNames"]!.AsArray().Select(n => (string)n!)));
    }

    [Fact]
    public void Two_sidecars_mounting_one_secret_get_one_certificate_that_serves_both()
    {
        var output = GeneratorHarness.Run(Sources.Program(
            "SidecarService(\"orders\")",
            "TlsTerminationSidecar(TlsSecretName = \"orders-certs\", CertificateIssuer = \"internal-ca\")",
            "ServiceMeshSidecar(TlsSecretName = \"orders-certs\", CertificateIssuer = \"internal-ca\")"));
        var certificate = YamlJson.Parse(Assert.Single(output.Files, f => f.Key.Contains("/certificate-")).Value)["spec"]!;
        Assert.Equal("orders-certs", (string?)certificate["secretName"]);
        Assert.Contains("client auth", certificate["usages"]!.AsArray().Select(u => (string)u!));
    }

    [Fact]
    public void The_route_sends_the_host_from_the_gateway_to_the_service_port_that_reaches_the_entry()
    {
        var output = GeneratorHarness.Run(AddOnServices.Source, AddOnServices.Gateway());
        var route = Json(output, "httproute.yaml")["spec"]!;
        var parent = Assert.Single(route["parentRefs"]!.AsArray())!;
        Assert.Equal(("public", "gateway-system"), ((string)parent["name"]!, (string)parent["namespace"]!));
        Assert.Equal(AddOnServices.Host, (string)Assert.Single(route["hostnames"]!.AsArray())!);
        var backend = Assert.Single(Assert.Single(route["rules"]!.AsArray())!["backendRefs"]!.AsArray())!;

        var backendPort = (long)backend["port"]!;
        var targetPort = ServicePortReachingEntry(output, (string)backend["name"]!, servicePort => servicePort.Port == backendPort);
        AssertControllerAdmitted(output, "gateway-system", targetPort);
    }

    [Fact]
    public void The_ingress_sends_the_host_to_the_service_port_that_reaches_the_entry()
    {
        var output = GeneratorHarness.Run(AddOnServices.Source, AddOnServices.Ingress());
        var ingress = KubernetesObjects.Load<V1Ingress>(output["kubernetes/ingress.yaml"]);
        Assert.Equal("nginx", ingress.Spec.IngressClassName);
        var rule = Assert.Single(ingress.Spec.Rules);
        Assert.Equal(AddOnServices.Host, rule.Host);
        var backend = Assert.Single(rule.Http.Paths).Backend.Service;

        var targetPort = ServicePortReachingEntry(output, backend.Name, servicePort => servicePort.Name == backend.Port.Name);
        AssertControllerAdmitted(output, "ingress-nginx", targetPort);
    }

    [Fact]
    public void An_ingress_without_class_or_controller_namespace_uses_the_default_class_and_keeps_the_policy()
    {
        var source = Sources.Program("SidecarService(\"orders\", Host = \"orders.example.com\")");
        var output = GeneratorHarness.Run(source);
        Assert.Null(KubernetesObjects.Load<V1Ingress>(output["kubernetes/ingress.yaml"]).Spec.IngressClassName);
        Assert.Equal(
            GeneratorHarness.Run(Sources.Program("SidecarService(\"orders\")")).Files["kubernetes/networkpolicy.yaml"],
            output["kubernetes/networkpolicy.yaml"]);
    }

    [Theory]
    [MemberData(nameof(AddOnServices.Variants), MemberType = typeof(AddOnServices))]
    public void External_secrets_create_exactly_the_secrets_the_pod_reads_with_every_key_it_reads(string variant)
    {
        var output = GeneratorHarness.Run(AddOnServices.Source, AddOnServices.Properties(variant));
        var store = AddOnServices.Properties(variant)["SidecarGenSecretStore"].Split('/');
        var certificateSecrets = output.KubernetesObjects.Where(f => f.Key.Contains("/certificate-"))
            .Select(f => (string)YamlJson.Parse(f.Value)["spec"]!["secretName"]!).ToHashSet();

        var created = new Dictionary<string, string[]>();
        foreach (var (_, text) in output.KubernetesObjects.Where(f => f.Key.Contains("/externalsecret-")))
        {
            var external = YamlJson.Parse(text);
            Assert.Equal("external-secrets.io/v1", (string?)external["apiVersion"]);
            var spec = external["spec"]!;
            Assert.Equal(store, new[] { (string)spec["secretStoreRef"]!["kind"]!, (string)spec["secretStoreRef"]!["name"]! });
            var data = spec["data"]!.AsArray();
            Assert.All(data, d => Assert.Equal(((string)d!["secretKey"]!, (string)spec["target"]!["name"]!), ((string)d["remoteRef"]!["property"]!, (string)d["remoteRef"]!["key"]!)));
            created.Add((string)spec["target"]!["name"]!, data.Select(d => (string)d!["secretKey"]!).Order().ToArray());
        }

        var read = SecretsRead(output).Where(s => !certificateSecrets.Contains(s.Key)).ToDictionary(s => s.Key, s => s.Value.Order().ToArray());
        Assert.Equal(read.OrderBy(s => s.Key), created.OrderBy(s => s.Key));
        Assert.Equal(new[] { "orders-auth", "orders-logging" }, created.Keys.Order());
    }

    [Theory]
    [InlineData("SidecarGenPrometheus", "Prometheus")]
    [InlineData("SidecarGenGateway", "public")]
    [InlineData("SidecarGenGateway", "Gateway-System/public")]
    [InlineData("SidecarGenIngressClass", "Nginx Class")]
    [InlineData("SidecarGenIngressNamespace", "ingress.nginx")]
    [InlineData("SidecarGenSecretStore", "vault")]
    [InlineData("SidecarGenSecretStore", "ExternalSecret/vault")]
    public void A_bad_setting_writes_nothing(string property, string value)
    {
        Assert.Contains(property, AddOnSettings);
        var properties = AddOnServices.Gateway();
        properties[property] = value;
        var output = GeneratorHarness.Run(AddOnServices.Source, properties);
        Assert.Equal("Blocked", output.Status);
        Assert.Empty(output.Files);
    }

    [Theory]
    [InlineData("SidecarService(\"orders\", Host = \"https://orders.example.com\")")]
    [InlineData("SidecarService(\"orders\", Host = \"10.0.0.1\")")]
    [InlineData("TlsTerminationSidecar(CertificateIssuer = \"ClusterIssuers/letsencrypt\")")]
    [InlineData("ServiceMeshSidecar(CertificateIssuer = \"Issuer/\")")]
    public void A_bad_attribute_value_writes_nothing(string attribute) =>
        Assert.Equal("Blocked", GeneratorHarness.Run(Sources.Program(attribute)).Status);

    /// <summary>The Service port chosen by <paramref name="matches"/> targets the entry container's named port; returns that port's number.</summary>
    private static int ServicePortReachingEntry(GeneratedOutput output, string serviceName, Predicate<V1ServicePort> matches)
    {
        var service = KubernetesObjects.Load<V1Service>(output["kubernetes/service.yaml"]);
        Assert.Equal(service.Metadata.Name, serviceName);
        var port = Assert.Single(service.Spec.Ports, matches);
        var deployment = KubernetesObjects.Deployment(output);
        var entry = deployment.Spec.Template.Spec.InitContainers.Single(c => c.Name == "service-mesh");
        return entry.Ports.Single(p => p.Name == port.TargetPort.Value).ContainerPort;
    }

    private static void AssertControllerAdmitted(GeneratedOutput output, string controllerNamespace, int port)
    {
        var policy = KubernetesObjects.Load<V1NetworkPolicy>(output["kubernetes/networkpolicy.yaml"]);
        Assert.Contains(policy.Spec.Ingress, rule =>
            rule.FromProperty?.Any(peer => peer.NamespaceSelector?.MatchLabels?["kubernetes.io/metadata.name"] == controllerNamespace && peer.PodSelector is null) == true
            && rule.Ports.Any(p => p.Port.Value == port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Every Secret the Pod reads and its keys: <c>secretKeyRef</c>s in the Deployment, Secret files in the Compose file.</summary>
    private static Dictionary<string, HashSet<string>> SecretsRead(GeneratedOutput output)
    {
        var read = new Dictionary<string, HashSet<string>>();
        void Add(string secret, string key)
        {
            if (!read.TryGetValue(secret, out var keys))
            {
                read[secret] = keys = new HashSet<string>();
            }

            keys.Add(key);
        }

        var pod = KubernetesObjects.Deployment(output).Spec.Template.Spec;
        foreach (var variable in pod.InitContainers.Concat(pod.Containers).SelectMany(c => c.Env ?? new List<V1EnvVar>()).Where(v => v.ValueFrom?.SecretKeyRef is not null))
        {
            Add(variable.ValueFrom.SecretKeyRef.Name, variable.ValueFrom.SecretKeyRef.Key);
        }

        var secretVolumes = pod.Volumes.Where(v => v.Secret is not null).Select(v => v.Secret.SecretName).ToHashSet();
        foreach (var service in YamlJson.Parse(output["compose/compose.yaml"])["services"]!.AsObject())
        {
            // The secrets copier writes each file key: "> /sidecargen-secrets/<secret>/<key>".
            var script = string.Join(' ', service.Value!["entrypoint"]?.AsArray().Select(item => (string?)item) ?? Enumerable.Empty<string?>());
            foreach (System.Text.RegularExpressions.Match written in System.Text.RegularExpressions.Regex.Matches(script, @"> /sidecargen-secrets/([^/ ]+)/([^ ]+)"))
            {
                Assert.Contains(written.Groups[1].Value, secretVolumes);
                Add(written.Groups[1].Value, written.Groups[2].Value);
            }
        }

        Assert.True(secretVolumes.IsSubsetOf(read.Keys), "every Secret volume has its keys in the Compose file");
        return read;
    }

    private static Dictionary<string, int> PodPorts(V1Deployment deployment) =>
        deployment.Spec.Template.Spec.InitContainers.Concat(deployment.Spec.Template.Spec.Containers)
            .SelectMany(c => c.Ports ?? new List<V1ContainerPort>())
            .ToDictionary(p => p.Name, p => p.ContainerPort);

    private static void AssertSelects(JsonNode matchLabels, IDictionary<string, string> labels) =>
        Assert.True(Selects(matchLabels, labels), $"{matchLabels.ToJsonString()} does not select {string.Join(",", labels)}");

    private static bool Selects(JsonNode matchLabels, IDictionary<string, string> labels) =>
        matchLabels.AsObject().All(label => labels.TryGetValue(label.Key, out var value) && value == (string?)label.Value);

    private static JsonNode Json(GeneratedOutput output, string file) => YamlJson.Parse(output["kubernetes/" + file]);
}
