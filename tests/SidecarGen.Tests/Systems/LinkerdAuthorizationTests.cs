using System.Text.Json.Nodes;
using k8s.Models;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Systems;

/// <summary>
/// In a system on Linkerd with mutual TLS, a called service admits on its entry port exactly its declared
/// callers: for every caller × callee, the callee's Server, AuthorizationPolicy and MeshTLSAuthentication
/// admit the caller's identity (the service account its Pods run as, in the same namespace) if and only if
/// the caller declares the call, or nobody calls the callee (the system's entry, left to the Pod's default
/// policy, all-authenticated). Linkerd's semantics: a port a Server selects admits a client that one of the
/// AuthorizationPolicies targeting that Server authorizes, and a MeshTLSAuthentication authenticates a
/// client whose identity matches one of its identityRefs (without a namespace: the policy's own).
/// </summary>
public sealed class LinkerdAuthorizationTests
{
    private const string Mesh = "ServiceMeshSidecar(Mesh = MeshProvider.Linkerd)";

    /// <summary>
    /// Orders also has a metrics sidecar, which takes no traffic, so its entry stays the app's port; the
    /// ledger's entry is its TLS terminator's.
    /// </summary>
    private static readonly SystemHarness.Service[] Services = CallTable.System(name => name switch
    {
        "orders" => new[] { Mesh, "MetricsSidecar" },
        "ledger" => new[] { Mesh, "TlsTerminationSidecar(TlsSecretName = \"ledger-tls\")" },
        _ => new[] { Mesh },
    });

    private static readonly Lazy<GeneratedOutput> Output = new(() => SystemHarness.Run(Services, new Dictionary<string, string> { ["SidecarGenNamespace"] = "shop" }));

    public static TheoryData<string, string, bool> Table() => CallTable.Admitted();

    [Theory]
    [MemberData(nameof(Table))]
    public void The_callee_admits_the_callers_identity_exactly_when_the_call_is_declared(string caller, string callee, bool admitted)
    {
        var account = KubernetesObjects.Load<V1Deployment>(Output.Value[$"kubernetes/{caller}/deployment.yaml"]).Spec.Template.Spec.ServiceAccountName;

        Assert.Equal(admitted, Admits(callee, account, "shop"));
    }

    [Fact]
    public void The_server_selects_the_port_callers_reach()
    {
        // The Service's target port: the app's, or the TLS terminator's in front of the ledger.
        foreach (var callee in new[] { "catalog", "orders", "ledger" })
        {
            var service = KubernetesObjects.Load<V1Service>(Output.Value[$"kubernetes/{callee}/service.yaml"]);
            var pod = KubernetesObjects.Load<V1Deployment>(Output.Value[$"kubernetes/{callee}/deployment.yaml"]).Spec.Template.Spec;
            var target = (pod.InitContainers ?? new List<V1Container>()).Concat(pod.Containers).SelectMany(c => c.Ports ?? new List<V1ContainerPort>()).Single(p => p.Name == service.Spec.Ports.Single().TargetPort.Value);

            Assert.Equal((long)target.ContainerPort, (long)Server(callee)["port"]!);
        }

        Assert.Equal(8080L, (long)Server("orders")["port"]!);
        Assert.NotEqual(8080L, (long)Server("ledger")["port"]!);
    }

    [Fact]
    public void Every_linkerd_object_of_the_system_sets_only_fields_its_published_crd_defines()
    {
        var resources = Output.Value.KubernetesObjects.Where(file => file.Key.Contains("/linkerd-", StringComparison.Ordinal)).ToList();

        Assert.Equal(9, resources.Count); // a Server, a MeshTLSAuthentication and an AuthorizationPolicy for each of the three callees
        Assert.All(resources, file => Assert.True(CustomResourceSchemas.Violations(YamlJson.Parse(file.Value)) is [], file.Key + ": " + string.Join("; ", CustomResourceSchemas.Violations(YamlJson.Parse(file.Value)))));
    }

    [Fact]
    public void Without_mutual_tls_or_built_alone_there_is_no_policy()
    {
        var plain = Services.Select(service => service with { Source = service.Source.Replace(Mesh, "ServiceMeshSidecar(Mesh = MeshProvider.Linkerd, Mtls = false)", StringComparison.Ordinal) });
        Assert.DoesNotContain(SystemHarness.Run(plain).Files.Keys, path => path.Contains("/linkerd-", StringComparison.Ordinal));
        Assert.DoesNotContain(GeneratorHarness.Run(Services[3].Source).Files.Keys, path => path.Contains("linkerd-", StringComparison.Ordinal));
    }

    [Fact]
    public void The_system_snapshot() => Snapshots.Match("system-linkerd-authorization", Output.Value.Files);

    /// <summary>
    /// No Server on the callee: its default policy (all-authenticated) admits any meshed client. Otherwise
    /// the AuthorizationPolicy targeting the Server must require a MeshTLSAuthentication naming the
    /// client's service account, in the client's namespace.
    /// </summary>
    private static bool Admits(string callee, string account, string ns)
    {
        var folder = $"kubernetes/{callee}/";
        if (!Output.Value.Files.ContainsKey(folder + "linkerd-server.yaml"))
        {
            return true;
        }

        var server = YamlJson.Parse(Output.Value[folder + "linkerd-server.yaml"]);
        var policy = YamlJson.Parse(Output.Value[folder + "linkerd-authorizationpolicy.yaml"]);
        var authentication = YamlJson.Parse(Output.Value[folder + "linkerd-meshtlsauthentication.yaml"]);
        Assert.Equal(callee, (string?)server["spec"]!["podSelector"]!["matchLabels"]!["app.kubernetes.io/name"]);
        Assert.Equal(("Server", (string?)server["metadata"]!["name"]), ((string?)policy["spec"]!["targetRef"]!["kind"], (string?)policy["spec"]!["targetRef"]!["name"]));
        var required = Assert.Single(policy["spec"]!["requiredAuthenticationRefs"]!.AsArray());
        Assert.Equal(("MeshTLSAuthentication", (string?)authentication["metadata"]!["name"]), ((string?)required!["kind"], (string?)required["name"]));

        var policyNamespace = (string?)authentication["metadata"]!["namespace"];
        return authentication["spec"]!["identityRefs"]!.AsArray().Any(reference =>
            (string?)reference!["kind"] == "ServiceAccount"
            && (string?)reference["name"] == account
            && ((string?)reference["namespace"] ?? policyNamespace) == ns);
    }

    private static JsonNode Server(string callee) => YamlJson.Parse(Output.Value[$"kubernetes/{callee}/linkerd-server.yaml"])["spec"]!;
}
