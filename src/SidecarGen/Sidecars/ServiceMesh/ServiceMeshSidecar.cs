using System.Collections.Generic;
using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Rules;

namespace SidecarGen.Sidecars.ServiceMesh;

/// <summary>
/// <c>[ServiceMeshSidecar]</c>: traffic management for the Pod — mutual TLS, retries, timeouts,
/// circuit breaking and the calls to <c>Upstreams</c> — by the proxy <c>Mesh</c> names: SidecarGen's
/// own Envoy (<see cref="EnvoyMesh"/>), or the proxy Istio or Linkerd injects, configured through
/// their own resources and annotations (<see cref="Istio.IstioMesh"/>, <see cref="Linkerd.LinkerdMesh"/>).
/// </summary>
internal sealed class ServiceMeshSidecar : SidecarKind<ServiceMeshSidecarAttribute, ServiceMeshOptions>, IMeshKind
{
    /// <summary>Envoy proxy.</summary>
    public const string Image = "envoyproxy/envoy:v1.31.2";

    public const int StatsPort = 15090;
    public const int FirstEgressPort = 15100;

    public override IEnumerable<string> DefaultImages => new[] { Image };

    protected override ServiceMeshOptions ReadOptions(ServiceMeshSidecarAttribute attribute) => ServiceMeshOptions.Read(attribute);

    protected override string? DefaultImage(ServiceMeshOptions options) => Image;

    protected override IEnumerable<PortProperty> Ports(ServiceMeshOptions options) => options.Proxy.Ports(options);

    protected override IEnumerable<IgnoredProperty> Ignored(ServiceMeshOptions options) => options.Proxy.Ignored(options);

    protected override ResourceOptions Requests(ServiceMeshOptions options) => options.Proxy.Requests(options) ?? base.Requests(options);

    public override IEnumerable<CalledService> CalledServices(SidecarOptions options)
    {
        var upstreams = ((ServiceMeshOptions)options).Upstreams;
        for (var i = 0; i < upstreams.Count; i++)
        {
            if (upstreams[i].Service is { } service)
            {
                yield return new CalledService(service, nameof(ServiceMeshSidecarAttribute.Upstreams), i);
            }
        }
    }

    /// <summary>With <c>Mtls</c>, a certificate of this provider's mesh: each mesh trusts only its own CA (ours the one in <c>ca.crt</c>).</summary>
    public MeshProvider? RequiredClientCertificate(SidecarOptions options) =>
        ((ServiceMeshOptions)options) is { Mtls: true } mesh ? mesh.Mesh : null;

    /// <summary>
    /// Only a proxy of the callee's own mesh presents a certificate it trusts: Istio and Linkerd speak
    /// their mutual TLS only to their own workloads, and our Envoy's certificate is of another CA.
    /// </summary>
    public bool PresentsClientCertificate(SidecarOptions options, string callee, MeshProvider mesh) =>
        (ServiceMeshOptions)options is var own && own.Mesh == mesh && own.Proxy.PresentsClientCertificate(own, callee);

    protected override void Check(ServiceMeshOptions options, AttributeFindings findings)
    {
        if (!System.Enum.IsDefined(typeof(MeshProvider), options.Mesh))
        {
            findings.Report(RuleIds.CannotRender, nameof(ServiceMeshSidecarAttribute.Mesh), $"{nameof(ServiceMeshSidecarAttribute.Mesh)} {(int)options.Mesh} is not a MeshProvider (Envoy, Istio or Linkerd)");
        }

        SidecarChecks.SecretName(findings, nameof(ServiceMeshSidecarAttribute.TlsSecretName), options.TlsSecretName);
        CertificateIssuers.Check(findings, nameof(ServiceMeshSidecarAttribute.CertificateIssuer), options.CertificateIssuer, options.Issuer);
        if (options.Issuer is not null && !options.Mtls)
        {
            findings.Report(
                RuleIds.AddOnWithoutEffect,
                nameof(ServiceMeshSidecarAttribute.CertificateIssuer),
                $"{nameof(ServiceMeshSidecarAttribute.CertificateIssuer)} has no effect with {nameof(ServiceMeshSidecarAttribute.Mtls)} = false: the mesh proxy mounts no certificate, so no Certificate is written");
        }
        for (var i = 0; i < options.Upstreams.Count; i++)
        {
            if (options.Upstreams[i].Name is null)
            {
                findings.Report(RuleIds.CannotRender, nameof(ServiceMeshSidecarAttribute.Upstreams), $"Upstream '{options.Upstreams[i].Text}' is neither a service name nor name=host:port (a DNS label, a host name, a port)", i);
            }
        }

        NotNegative(findings, nameof(ServiceMeshSidecarAttribute.MaxConnections), options.MaxConnections);
        NotNegative(findings, nameof(ServiceMeshSidecarAttribute.MaxPendingRequests), options.MaxPendingRequests);
        NotNegative(findings, nameof(ServiceMeshSidecarAttribute.Retries), options.Retries);
        if (options.TimeoutSeconds <= 0)
        {
            findings.Report(RuleIds.CannotRender, nameof(ServiceMeshSidecarAttribute.TimeoutSeconds), $"{nameof(ServiceMeshSidecarAttribute.TimeoutSeconds)} must be positive");
        }

        options.Proxy.Check(options, findings);
    }

    protected override SidecarSpec Plan(ServiceMeshOptions options, SidecarContext context) => options.Proxy.Plan(options, context);

    protected override void CheckPod(ServiceMeshOptions options, ServicePlan plan, AttributeFindings findings) => options.Proxy.CheckPod(options, plan, findings);

    private static void NotNegative(AttributeFindings findings, string property, int value)
    {
        if (value < 0)
        {
            findings.Report(RuleIds.CannotRender, property, $"{property} must be 0 or more");
        }
    }
}
