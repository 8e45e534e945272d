using System.Globalization;
using k8s.Models;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Systems;

/// <summary>
/// The NetworkPolicies of a system admit exactly the declared calls: for every caller × callee, the
/// callee's policy lets the caller's Pods reach its entry port if and only if the caller declares the
/// call (in <c>Calls</c> or as a mesh upstream), or nobody calls the callee at all (the system's entry).
/// </summary>
public sealed class NetworkPolicyTableTests
{
    private static readonly SystemHarness.Service[] Services =
    {
        Shop.Of("Gateway", "SidecarService(\"gateway\", Calls = new[] { \"catalog\", \"orders\" })"),
        Shop.Of("Catalog", "SidecarService(\"catalog\")"),
        Shop.Of("Orders", "SidecarService(\"orders\", Calls = new[] { \"catalog\" })", "ServiceMeshSidecar(Mtls = false, Upstreams = new[] { \"ledger\" })", "MetricsSidecar"),
        Shop.Of("Ledger", "SidecarService(\"ledger\")"),
        Shop.Of("Reports", "SidecarService(\"reports\", Calls = new[] { \"ledger\" })"),
    };

    public static TheoryData<string, string, bool> Table() => CallTable.Admitted();

    [Theory]
    [MemberData(nameof(Table))]
    public void The_callee_admits_the_caller_on_its_entry_port_exactly_when_the_call_is_declared(string caller, string callee, bool admitted)
    {
        var output = SystemHarness.Run(Services);
        var policy = KubernetesObjects.Load<V1NetworkPolicy>(output[$"kubernetes/{callee}/networkpolicy.yaml"]);
        var entry = EntryPort(output, callee);

        var rules = policy.Spec.Ingress.Where(rule => rule.Ports.Any(port => port.Port.Value == entry.ToString(CultureInfo.InvariantCulture)));
        var admits = rules.Any(rule => rule.FromProperty is null || rule.FromProperty.Any(peer => Selects(peer, caller)));

        Assert.Equal(admitted, admits);
    }

    [Fact]
    public void A_called_service_keeps_its_metrics_port_open_to_prometheus()
    {
        var output = SystemHarness.Run(Services);
        var policy = KubernetesObjects.Load<V1NetworkPolicy>(output["kubernetes/orders/networkpolicy.yaml"]);

        var open = Assert.Single(policy.Spec.Ingress, rule => rule.FromProperty is null);
        Assert.Equal(new[] { "15090", "8889" }, open.Ports.Select(port => port.Port.Value));
    }

    private static bool Selects(V1NetworkPolicyPeer peer, string service) =>
        peer.NamespaceSelector is null && peer.IpBlock is null
        && peer.PodSelector?.MatchLabels is { } labels
        && labels.Count == 2
        && labels["app.kubernetes.io/name"] == service
        && labels["app.kubernetes.io/instance"] == service;

    private static int EntryPort(GeneratedOutput output, string service)
    {
        var svc = KubernetesObjects.Load<V1Service>(output[$"kubernetes/{service}/service.yaml"]);
        var pod = KubernetesObjects.Load<V1Deployment>(output[$"kubernetes/{service}/deployment.yaml"]).Spec.Template.Spec;
        return pod.ResolvePort(svc.Spec.Ports.Single().TargetPort.Value).Port;
    }
}
