using System.Linq;
using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Rules;
using SidecarGen.Sidecars;

namespace SidecarGen.Validation;

/// <summary>
/// The cluster add-ons: their MSBuild properties (SCG0023, reported without a location, as they live in
/// the project file), <c>Host</c> (SCG0024), and settings that would write nothing or something that
/// cannot work (SCG0026). <c>CertificateIssuer</c> (SCG0025) is checked by the sidecar kinds that take it.
/// </summary>
internal static class AddOnRules
{
    public static void Check(ValidationContext context)
    {
        var addOns = context.Settings.AddOns;
        if (addOns.PrometheusText is { } prometheus && addOns.Prometheus is null)
        {
            Property(context, $"{ClusterAddOns.PrometheusProperty} '{prometheus}' is not Annotations, PodMonitor or ServiceMonitor");
        }

        if (addOns.GatewayText is { } gateway && !IsGateway(addOns.Gateway))
        {
            Property(context, $"{ClusterAddOns.GatewayProperty} '{gateway}' is not <namespace>/<gateway> (a namespace, a slash and the Gateway's name, e.g. gateway-system/public)");
        }

        if (addOns.IngressClass is { } ingressClass && !TextChecks.IsDnsSubdomain(ingressClass))
        {
            Property(context, $"{ClusterAddOns.IngressClassProperty} '{ingressClass}' is not the name of an IngressClass (a lowercase DNS name)");
        }

        if (addOns.IngressNamespace is { } ingressNamespace && !TextChecks.IsDnsLabel(ingressNamespace))
        {
            Property(context, $"{ClusterAddOns.IngressNamespaceProperty} '{ingressNamespace}' is not a namespace name (a lowercase DNS label)");
        }

        if (addOns.SecretStoreText is { } store && !IsSecretStore(addOns.SecretStore))
        {
            Property(context, $"{ClusterAddOns.SecretStoreProperty} '{store}' is not ClusterSecretStore/<name> or SecretStore/<name>");
        }

        if (addOns.AutoscalerText is { } autoscaler && addOns.Autoscaler is null)
        {
            Property(context, $"{ClusterAddOns.AutoscalerProperty} '{autoscaler}' is not Hpa or Keda");
        }

        if (addOns.PrometheusAddress is { } address && SidecarChecks.HttpUrl(address) is null)
        {
            Property(context, $"{ClusterAddOns.PrometheusAddressProperty} '{address}' is not an absolute http(s) URL of a Prometheus server (e.g. http://prometheus-operated.monitoring.svc:9090)");
        }

        if (context.Service.Host is { } host && !IsHostName(host))
        {
            context.ServiceFindings.Report(
                RuleIds.InvalidHost,
                nameof(SidecarServiceAttribute.Host),
                $"{nameof(SidecarServiceAttribute.Host)} '{host}' is not a host name: write a lowercase DNS name such as orders.example.com (no scheme, port, path or IP address)");
        }

        if (context.Service.Host is null && (addOns.GatewayText ?? addOns.IngressClass ?? addOns.IngressNamespace) is not null)
        {
            Unused(context, $"{ClusterAddOns.GatewayProperty}, {ClusterAddOns.IngressClassProperty} and {ClusterAddOns.IngressNamespaceProperty} route the service's {nameof(SidecarServiceAttribute.Host)}; without [SidecarService({nameof(SidecarServiceAttribute.Host)} = ...)] no route is written");
        }
    }

    /// <summary>SCG0026 on the plan: a monitor with nothing to scrape, a route the entry cannot serve, a store with nothing to fetch.</summary>
    public static void Check(ValidationContext context, ServicePlan plan)
    {
        if (plan.AddOns.Monitoring != PrometheusMode.Annotations && plan.Sidecars.All(sidecar => sidecar.Metrics is null))
        {
            Unused(context, $"{ClusterAddOns.PrometheusProperty} {plan.AddOns.Monitoring} has no effect: no sidecar serves metrics (add [MetricsSidecar] or [ServiceMeshSidecar])");
        }

        if (plan.Host is not null && plan.EntryTls)
        {
            context.ServiceFindings.Report(
                RuleIds.AddOnWithoutEffect,
                nameof(SidecarServiceAttribute.Host),
                $"The route for {nameof(SidecarServiceAttribute.Host)} reaches the Pod at '{plan.Entry.ContainerName}', which speaks TLS: the gateway or ingress controller must connect with HTTPS (a BackendTLSPolicy, or your controller's backend-protocol setting) and, to a mesh with mutual TLS, present a client certificate the mesh trusts");
        }

        if (plan.AddOns.SecretStore is not null && PodSecrets.Of(plan).Count == 0)
        {
            Unused(context, $"{ClusterAddOns.SecretStoreProperty} has no effect: the service reads no Secret that SidecarGen does not already have written by cert-manager");
        }
    }

    /// <summary>A DNS name as Ingress and HTTPRoute accept it: lowercase labels, not an IP address (no top-level domain is numeric).</summary>
    public static bool IsHostName(string host) => TextChecks.IsDnsSubdomain(host) && !host.Split('.').Last().All(char.IsDigit);

    private static bool IsGateway(QualifiedName? gateway) =>
        gateway is not null && TextChecks.IsDnsLabel(gateway.Qualifier) && TextChecks.IsDnsSubdomain(gateway.Name);

    private static bool IsSecretStore(QualifiedName? store) =>
        store is { Qualifier: ClusterAddOns.ClusterSecretStore or ClusterAddOns.SecretStoreKind } && TextChecks.IsDnsSubdomain(store.Name);

    private static void Property(ValidationContext context, string message) =>
        context.Report(RuleIds.InvalidAddOnSetting, Finding.BuildProperty, null, message);

    private static void Unused(ValidationContext context, string message) =>
        context.Report(RuleIds.AddOnWithoutEffect, Finding.BuildProperty, null, message);
}
