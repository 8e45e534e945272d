using System.Text.Json.Nodes;
using k8s.Models;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Systems;

/// <summary>
/// In a system on Istio with mutual TLS, a called service admits exactly its declared callers: for every
/// caller × callee, the callee's AuthorizationPolicy admits the caller's Istio identity
/// (<c>&lt;trust domain&gt;/ns/&lt;namespace&gt;/sa/&lt;service account&gt;</c>, the service account the caller's
/// Pod runs as) if and only if the caller declares the call, or nobody calls the callee (the system's entry,
/// which gets no policy, as its NetworkPolicy stays open). Istio's semantics: an ALLOW policy admits a
/// request that one rule matches; a principal pattern may start or end with <c>*</c>.
/// </summary>
public sealed class IstioAuthorizationTests
{
    private const string Mesh = "ServiceMeshSidecar(Mesh = MeshProvider.Istio)";

    internal static readonly SystemHarness.Service[] Services = CallTable.System(_ => new[] { Mesh });

    private static readonly Lazy<GeneratedOutput> Output = new(() => SystemHarness.Run(Services, new Dictionary<string, string> { ["SidecarGenNamespace"] = "shop" }));

    public static TheoryData<string, string, bool> Table() => CallTable.Admitted();

    [Theory]
    [MemberData(nameof(Table))]
    public void The_callee_admits_the_callers_identity_exactly_when_the_call_is_declared(string caller, string callee, bool admitted)
    {
        Assert.Equal(admitted, Admits(Output.Value, callee, Identity(Output.Value, caller, "shop")));
    }

    [Fact]
    public void A_caller_of_another_namespace_or_service_account_is_refused_however_its_trust_domain_is_named()
    {
        Assert.True(Admits(Output.Value, "ledger", "example.org/ns/shop/sa/orders"));
        Assert.False(Admits(Output.Value, "ledger", "cluster.local/ns/staging/sa/orders"));
        Assert.False(Admits(Output.Value, "ledger", "cluster.local/ns/shop/sa/default"));
    }

    [Fact]
    public void Every_istio_object_of_the_system_sets_only_fields_its_published_crd_defines()
    {
        var resources = Output.Value.KubernetesObjects.Where(file => KubernetesObjects.IsCustomResource(file.Value)).ToList();

        Assert.Contains(resources, file => file.Key.EndsWith("istio-authorizationpolicy.yaml", StringComparison.Ordinal));
        Assert.All(resources, file => Assert.True(CustomResourceSchemas.Violations(YamlJson.Parse(file.Value)) is [], file.Key + ": " + string.Join("; ", CustomResourceSchemas.Violations(YamlJson.Parse(file.Value)))));
    }

    [Fact]
    public void Every_pod_runs_as_its_own_service_account()
    {
        foreach (var name in CallTable.Services)
        {
            var pod = KubernetesObjects.Load<V1Deployment>(Output.Value[$"kubernetes/{name}/deployment.yaml"]).Spec.Template.Spec;
            var account = KubernetesObjects.Load<V1ServiceAccount>(Output.Value[$"kubernetes/{name}/serviceaccount.yaml"]);
            Assert.Equal(name, pod.ServiceAccountName);
            Assert.Equal(name, account.Metadata.Name);
            Assert.Equal("shop", account.Metadata.NamespaceProperty);
        }
    }

    [Fact]
    public void Without_a_namespace_a_caller_is_its_service_account_in_any_namespace()
    {
        var output = SystemHarness.Run(Services);
        var principals = Principals(output, "ledger");

        Assert.Equal(new[] { "*/sa/orders", "*/sa/reports" }, principals);
        Assert.True(Admits(output, "ledger", "cluster.local/ns/default/sa/orders"));
        Assert.False(Admits(output, "ledger", "cluster.local/ns/default/sa/gateway"));
    }

    [Fact]
    public void Without_mutual_tls_or_built_alone_there_is_no_policy()
    {
        var plain = Services.Select(service => service with { Source = service.Source.Replace(Mesh, "ServiceMeshSidecar(Mesh = MeshProvider.Istio, Mtls = false)", StringComparison.Ordinal) });
        Assert.DoesNotContain(SystemHarness.Run(plain).Files.Keys, path => path.EndsWith("istio-authorizationpolicy.yaml", StringComparison.Ordinal));
        Assert.DoesNotContain(GeneratorHarness.Run(Services[3].Source).Files.Keys, path => path.EndsWith("istio-authorizationpolicy.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void The_system_snapshot() => Snapshots.Match("system-istio-authorization", Output.Value.Files);

    /// <summary>The identity Istio gives the caller's Pods: its service account, in its namespace, in the default trust domain.</summary>
    private static string Identity(GeneratedOutput output, string service, string ns) =>
        "cluster.local/ns/" + ns + "/sa/" + KubernetesObjects.Load<V1Deployment>(output[$"kubernetes/{service}/deployment.yaml"]).Spec.Template.Spec.ServiceAccountName;

    /// <summary>No ALLOW policy selects the callee's Pods: Istio admits any peer (mutual TLS still applies).</summary>
    private static bool Admits(GeneratedOutput output, string callee, string principal)
    {
        if (!output.Files.TryGetValue($"kubernetes/{callee}/istio-authorizationpolicy.yaml", out var yaml))
        {
            return true;
        }

        var policy = YamlJson.Parse(yaml)["spec"]!;
        Assert.Equal("ALLOW", (string?)policy["action"]);
        Assert.Equal(callee, (string?)policy["selector"]!["matchLabels"]!["app.kubernetes.io/name"]);
        return policy["rules"]!.AsArray().Any(rule =>
            rule!["from"]!.AsArray().Any(from => from!["source"]!["principals"]!.AsArray().Any(pattern => Matches((string)pattern!, principal))));
    }

    private static string[] Principals(GeneratedOutput output, string callee) =>
        YamlJson.Parse(output[$"kubernetes/{callee}/istio-authorizationpolicy.yaml"])["spec"]!["rules"]![0]!["from"]![0]!["source"]!["principals"]!.AsArray().Select(p => (string)p!).ToArray();

    /// <summary>Istio's string match for principals: exact, <c>*</c> alone, a prefix match (<c>abc*</c>) or a suffix match (<c>*abc</c>).</summary>
    private static bool Matches(string pattern, string value) =>
        pattern == "*"
        || (pattern.StartsWith('*') ? value.EndsWith(pattern[1..], StringComparison.Ordinal)
            : pattern.EndsWith('*') ? value.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : pattern == value);
}
