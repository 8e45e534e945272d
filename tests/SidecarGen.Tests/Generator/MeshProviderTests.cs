using System.Globalization;
using k8s.Models;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Generator;

/// <summary>
/// [ServiceMeshSidecar] under Istio and Linkerd, alone and with every other sidecar: the mesh injects
/// its proxy, so no container of SidecarGen's stands in for it (in Compose neither), the Pod template
/// asks for injection, the traffic chain starts at the next hop, and the settings become the mesh's
/// own resources and annotations.
/// </summary>
public sealed class MeshProviderTests
{
    private static readonly string[] Others = SidecarDeclarations.Each.Keys.Where(kind => kind != "service-mesh").ToArray();

    public static TheoryData<string, string> MeshAndCompanion()
    {
        var data = new TheoryData<string, string>();
        foreach (var mesh in SidecarDeclarations.Meshes.Keys)
        {
            data.Add(mesh, "");
            data.Add(mesh, "all");
            foreach (var other in Others)
            {
                data.Add(mesh, other);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MeshAndCompanion))]
    public void Each_provider_alone_and_with_every_sidecar_reads_back_validates_and_is_restricted(string mesh, string companion)
    {
        var others = companion switch { "" => Array.Empty<string>(), "all" => Others, _ => new[] { companion } };
        var output = Run(mesh, others);

        Assert.Equal("Generated", output.Status);
        foreach (var (_, text) in output.KubernetesObjects)
        {
            KubernetesObjects.Load(text);
        }

        var kustomization = YamlJson.Parse(output["kubernetes/kustomization.yaml"])["resources"]!.AsArray().Select(r => "kubernetes/" + (string)r!);
        Assert.Equal(output.KubernetesObjects.Select(f => f.Key).Order(), kustomization.Order());
        ComposeSchema.AssertValid(output["compose/compose.yaml"]);

        // Compose runs every sidecar of the Pod but the mesh's proxy, with the Pod's lifecycle.
        Assert.Equal(others.Select(kind => "payment-service-" + kind), ComposeLifecycle.AssertMirrorsThePod(output["compose/compose.yaml"], "payment-service"));

        var deployment = KubernetesObjects.Deployment(output);
        var pod = deployment.Spec.Template.Spec;
        PodAssertions.Restricted(pod);
        Assert.Equal(others, pod.AllContainers().Where(c => !pod.IsOneShot(c)).Select(c => c.Name).Where(name => name != "payment-service"));
        Assert.DoesNotContain(pod.AllContainers().SelectMany(c => c.Ports ?? new List<V1ContainerPort>()), p => p.ContainerPort == 15001);
        Assert.DoesNotContain(output.Files.Keys, path => path.Contains("envoy", StringComparison.Ordinal));

        // Injection is asked for on the Pod template, where the webhook looks, not on the Deployment.
        var template = deployment.Spec.Template.Metadata;
        if (mesh == "istio")
        {
            Assert.Equal("true", template.Labels["sidecar.istio.io/inject"]);
            Assert.Equal("true", template.Annotations["sidecar.istio.io/nativeSidecar"]);

            // Istio 1.22 and 1.23 ignore nativeSidecar: there the app waits for the ordinary-container proxy.
            Assert.Equal("holdApplicationUntilProxyStarts: true", template.Annotations["proxy.istio.io/config"]);
        }
        else
        {
            Assert.Equal("enabled", template.Annotations["linkerd.io/inject"]);
            Assert.Equal("true", template.Annotations["config.alpha.linkerd.io/proxy-enable-native-sidecar"]);
        }

        Assert.DoesNotContain(deployment.Metadata.Labels.Keys.Concat(deployment.Metadata.Annotations?.Keys ?? Array.Empty<string>()), key => key.Contains("istio") || key.Contains("linkerd"));

        // The Service reaches the next hop inward: TLS termination, else the auth proxy, else the app.
        var service = KubernetesObjects.Load<V1Service>(output["kubernetes/service.yaml"]);
        var expected = others.Contains("tls-termination") ? "tls-termination" : others.Contains("auth-proxy") ? "auth-proxy" : "payment-service";
        Assert.Equal(expected, pod.ResolvePort(service.Spec.Ports.Single().TargetPort.Value).Container);
        Assert.Equal(expected == "tls-termination" ? "https" : "http", service.Spec.Ports.Single().AppProtocol);
        var published = YamlJson.Parse(output["compose/compose.yaml"])["services"]!["payment-service-pod"]!["ports"]![0]!;
        Assert.Equal(pod.ResolvePort(service.Spec.Ports.Single().TargetPort.Value).Port, (int)(long)published["target"]!);

        // Compose has no mesh: the app calls its upstreams directly, as it does through the injected proxy.
        var compose = YamlJson.Parse(output["compose/compose.yaml"])["services"]!;
        Assert.Null(compose["payment-service-service-mesh"]);
        foreach (var env in new[] { pod.Container("payment-service").Env.ToDictionary(e => e.Name, e => (string?)e.Value), compose["payment-service"]!["environment"]!.AsObject().ToDictionary(p => p.Key, p => (string?)p.Value) })
        {
            Assert.Equal("http://ledger.finance.svc.cluster.local:8080", env["SIDECARGEN_UPSTREAM_LEDGER"]);
            Assert.Equal("https://fx.example.com:443", env["SIDECARGEN_UPSTREAM_FX"]);
        }

        // Other Pods reach the entry and the proxy's own ports; nothing else.
        var policy = KubernetesObjects.Load<V1NetworkPolicy>(output["kubernetes/networkpolicy.yaml"]);
        var admitted = policy.Spec.Ingress.Single().Ports.Select(p => int.Parse(p.Port.Value)).ToList();
        Assert.Contains(pod.ResolvePort(service.Spec.Ports.Single().TargetPort.Value).Port, admitted);
        Assert.Superset(new HashSet<int>(mesh == "istio" ? new[] { 15020, 15090 } : new[] { 4143, 4191 }), admitted.ToHashSet());
    }

    [Fact]
    public void Istio_policy_becomes_a_virtual_service_destination_rules_and_strict_peer_authentication()
    {
        var output = Run("istio", Array.Empty<string>());
        var virtualService = YamlJson.Parse(output["kubernetes/istio-virtualservice.yaml"])["spec"]!;
        Assert.Equal("payment-service", (string?)virtualService["hosts"]![0]);
        var route = virtualService["http"]![0]!;
        Assert.Equal("15s", (string?)route["timeout"]);
        Assert.Equal(3, (long)route["retries"]!["attempts"]!);

        // Every value one Istio 1.22's validation accepts (reset-before-request only from 1.23.0).
        Assert.Equal("connect-failure,refused-stream,reset,unavailable", (string?)route["retries"]!["retryOn"]);

        var own = YamlJson.Parse(output["kubernetes/istio-destinationrule.yaml"])["spec"]!;
        Assert.Equal("payment-service", (string?)own["host"]);
        Assert.Equal(1024, (long)own["trafficPolicy"]!["connectionPool"]!["tcp"]!["maxConnections"]!);
        Assert.Equal(1024, (long)own["trafficPolicy"]!["connectionPool"]!["http"]!["http1MaxPendingRequests"]!);
        Assert.Equal(5, (long)own["trafficPolicy"]!["outlierDetection"]!["consecutive5xxErrors"]!);

        // maxRetries caps the retries in flight to the service from every caller together (destination_rule.proto):
        // left to Istio's default (2^32-1), so Retries stays a per-request count that load does not refuse.
        Assert.Null(own["trafficPolicy"]!["connectionPool"]!["http"]!["maxRetries"]);
        Assert.Equal("ISTIO_MUTUAL", (string?)own["trafficPolicy"]!["tls"]!["mode"]);

        // An upstream in the cluster: mesh mTLS. One outside it: a ServiceEntry, and no mesh mTLS.
        var ledger = YamlJson.Parse(output["kubernetes/istio-destinationrule-ledger.yaml"])["spec"]!;
        Assert.Equal("ledger.finance.svc.cluster.local", (string?)ledger["host"]);
        Assert.Equal("ISTIO_MUTUAL", (string?)ledger["trafficPolicy"]!["tls"]!["mode"]);
        var fx = YamlJson.Parse(output["kubernetes/istio-destinationrule-fx.yaml"])["spec"]!;
        Assert.Null(fx["trafficPolicy"]!["tls"]);
        var entry = YamlJson.Parse(output["kubernetes/istio-serviceentry-fx.yaml"])["spec"]!;
        Assert.Equal("MESH_EXTERNAL", (string?)entry["location"]);
        Assert.Equal("TLS", (string?)entry["ports"]![0]!["protocol"]);
        Assert.False(output.Files.ContainsKey("kubernetes/istio-serviceentry-ledger.yaml"));

        var peer = YamlJson.Parse(output["kubernetes/istio-peerauthentication.yaml"])["spec"]!;
        Assert.Equal("STRICT", (string?)peer["mtls"]!["mode"]);
        Assert.Equal("payment-service", (string?)peer["selector"]!["matchLabels"]!["app.kubernetes.io/name"]);

        var annotations = KubernetesObjects.Deployment(output).Spec.Template.Metadata.Annotations;
        Assert.Equal("100m", annotations["sidecar.istio.io/proxyCPU"]);
        Assert.Equal("128Mi", annotations["sidecar.istio.io/proxyMemory"]);
        Assert.Equal("500m", annotations["sidecar.istio.io/proxyCPULimit"]);
        Assert.Equal("256Mi", annotations["sidecar.istio.io/proxyMemoryLimit"]);
    }

    [Fact]
    public void Without_mtls_istio_gets_no_peer_authentication_and_no_mutual_tls_of_its_own()
    {
        var output = GeneratorHarness.Run(SidecarDeclarations.Service("ServiceMeshSidecar(Mesh = MeshProvider.Istio, Mtls = false)"));
        Assert.False(output.Files.ContainsKey("kubernetes/istio-peerauthentication.yaml"));
        Assert.Null(YamlJson.Parse(output["kubernetes/istio-destinationrule.yaml"])["spec"]!["trafficPolicy"]!["tls"]);
    }

    [Theory]
    [InlineData("istio", "traffic.sidecar.istio.io/excludeInboundPorts", "traffic.sidecar.istio.io/excludeOutboundPorts")]
    [InlineData("linkerd", "config.linkerd.io/skip-inbound-ports", "config.linkerd.io/skip-outbound-ports")]
    public void Probe_and_scrape_ports_and_the_config_store_bypass_the_proxy_but_the_entry_does_not(string mesh, string inbound, string outbound)
    {
        var output = Run(mesh, Others);
        var template = KubernetesObjects.Deployment(output).Spec.Template;
        var annotations = template.Metadata.Annotations;

        // Every port the kubelet probes or Prometheus scrapes from outside the Pod (here the auth proxy's
        // too, an inner hop behind the TLS terminator), but not the entry's, which the Service targets.
        var pod = template.Spec;
        var entry = pod.ResolvePort(KubernetesObjects.Load<V1Service>(output["kubernetes/service.yaml"]).Spec.Ports.Single().TargetPort.Value).Port;
        var probed = pod.InitContainers
            .SelectMany(c => new[] { c.StartupProbe, c.ReadinessProbe, c.LivenessProbe })
            .Select(probe => probe?.HttpGet?.Port.Value ?? probe?.TcpSocket?.Port.Value)
            .OfType<string>()
            .Select(port => pod.ResolvePort(port).Port)
            .Append(int.Parse(annotations["prometheus.io/port"], CultureInfo.InvariantCulture))
            .Where(port => port != entry)
            .Distinct()
            .Order()
            .ToList();
        Assert.Contains(4180, probed);
        Assert.Equal(string.Join(",", probed), annotations[inbound]);

        // Outbound, every store a sidecar alone asks to reach directly (the config watcher's etcd here),
        // so a kind added to the registry is counted without a change here.
        Assert.Equal(new[] { 2379 }, OutboundBypass(Run(mesh, new[] { "config-watcher" }), outbound));
        var alone = Others.SelectMany(other => OutboundBypass(Run(mesh, new[] { other }), outbound)).Distinct().Order();
        Assert.Equal(alone, OutboundBypass(output, outbound));
    }

    private static IEnumerable<int> OutboundBypass(GeneratedOutput output, string annotation) =>
        KubernetesObjects.Deployment(output).Spec.Template.Metadata.Annotations.TryGetValue(annotation, out var ports)
            ? ports.Split(',').Select(port => int.Parse(port, CultureInfo.InvariantCulture))
            : Enumerable.Empty<int>();

    [Fact]
    public void Istio_keeps_the_pods_own_prometheus_annotations()
    {
        var annotations = KubernetesObjects.Deployment(Run("istio", new[] { "metrics" })).Spec.Template.Metadata.Annotations;
        Assert.Equal("false", annotations["prometheus.istio.io/merge-metrics"]);
        Assert.Equal("8889", annotations["prometheus.io/port"]);
        Assert.False(KubernetesObjects.Deployment(Run("istio", Array.Empty<string>())).Spec.Template.Metadata.Annotations.ContainsKey("prometheus.istio.io/merge-metrics"));
    }

    [Fact]
    public void Linkerd_reads_retries_and_timeouts_from_the_service_and_admits_only_meshed_callers()
    {
        var output = Run("linkerd", Array.Empty<string>());
        var service = KubernetesObjects.Load<V1Service>(output["kubernetes/service.yaml"]).Metadata.Annotations;
        // The proxy's own answers when it cannot reach the app or times out (502-504), not a 500 the app sent after doing its work.
        Assert.Equal("gateway-error", service["retry.linkerd.io/http"]);
        Assert.Equal("3", service["retry.linkerd.io/limit"]);
        Assert.Equal("15s", service["timeout.linkerd.io/request"]);

        var annotations = KubernetesObjects.Deployment(output).Spec.Template.Metadata.Annotations;
        Assert.Equal("all-authenticated", annotations["config.linkerd.io/default-inbound-policy"]);
        Assert.Equal("100m", annotations["config.linkerd.io/proxy-cpu-request"]);
        Assert.Equal("64Mi", annotations["config.linkerd.io/proxy-memory-request"]);
        Assert.Equal("256Mi", annotations["config.linkerd.io/proxy-memory-limit"]);
        Assert.False(annotations.ContainsKey("config.linkerd.io/proxy-cpu-limit"));
        Assert.DoesNotContain(output.Files.Keys, path => path.Contains("istio", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("istio")]
    [InlineData("linkerd")]
    public void Behind_a_tls_terminator_the_mesh_is_given_no_request_policy_it_cannot_apply(string mesh)
    {
        var output = Run(mesh, new[] { "tls-termination" });
        Assert.False(output.Files.ContainsKey("kubernetes/istio-virtualservice.yaml"));
        Assert.Null(KubernetesObjects.Load<V1Service>(output["kubernetes/service.yaml"]).Metadata.Annotations);
    }

    [Theory]
    [InlineData("istio", "sidecar.istio.io/nativeSidecar")]
    [InlineData("linkerd", "config.alpha.linkerd.io/proxy-enable-native-sidecar")]
    public void Before_kubernetes_1_29_no_native_sidecar_is_asked_for(string mesh, string annotation)
    {
        var output = GeneratorHarness.Run(
            SidecarDeclarations.Service(SidecarDeclarations.Meshes[mesh], SidecarDeclarations.Each["logging"]),
            new Dictionary<string, string> { ["SidecarGenKubernetesVersion"] = "1.28" });
        var template = KubernetesObjects.Deployment(output).Spec.Template;
        Assert.False(template.Metadata.Annotations.ContainsKey(annotation));
        if (mesh == "istio")
        {
            Assert.Equal("holdApplicationUntilProxyStarts: true", template.Metadata.Annotations["proxy.istio.io/config"]);
        }

        Assert.Equal(new[] { "logging", "payment-service" }, template.Spec.Containers.Select(c => c.Name));
        PodAssertions.Restricted(template.Spec);
    }

    private static GeneratedOutput Run(string mesh, string[] others) =>
        GeneratorHarness.Run(SidecarDeclarations.Service(others.Select(kind => SidecarDeclarations.Each[kind]).Prepend(SidecarDeclarations.Meshes[mesh]).ToArray()));
}
