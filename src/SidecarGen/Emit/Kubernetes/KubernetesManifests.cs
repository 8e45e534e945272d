using System.Collections.Generic;
using System.Linq;
using SidecarGen.Model;
using SidecarGen.Pod;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>Every file of <c>deploy/kubernetes/</c> for one service.</summary>
internal static class KubernetesManifests
{
    public const string Folder = "kubernetes/";

    /// <param name="plan">The service's checked plan.</param>
    /// <param name="withNamespace">Whether the folder also creates the plan's namespace; a system's folders leave that to the system's kustomization.</param>
    public static IEnumerable<ManifestFile> Write(ServicePlan plan, bool withNamespace = true)
    {
        var files = new List<ManifestFile>();
        if (withNamespace && plan.Namespace is { } ns)
        {
            files.Add(new(NamespaceWriter.FileName, NamespaceWriter.Write(ns, new[] { plan })));
        }

        files.AddRange(new ManifestFile[]
        {
            new(DeploymentWriter.FileName, DeploymentWriter.Write(plan)),
            new(ServiceWriter.FileName, ServiceWriter.Write(plan)),
            new(ServiceAccountWriter.FileName, ServiceAccountWriter.Write(plan)),
        });
        files.AddRange(plan.Sidecars
            .Where(sidecar => !sidecar.ConfigFiles.IsEmpty)
            .Select(sidecar => new ManifestFile(ConfigMapWriter.FileName(sidecar), ConfigMapWriter.Write(plan, sidecar))));
        files.AddRange(plan.Sidecars
            .SelectMany(sidecar => sidecar.Objects)
            .Select(spec => new ManifestFile(spec.FileName, ObjectWriter.Write(plan, spec))));
        if (plan.MostPods > 1)
        {
            files.Add(new(PodDisruptionBudgetWriter.FileName, PodDisruptionBudgetWriter.Write(plan)));
        }

        if (plan.Autoscaling is { } autoscaling)
        {
            files.Add(new(AutoscalerWriter.FileName(autoscaling), AutoscalerWriter.Write(plan, autoscaling)));
        }

        files.Add(new(NetworkPolicyWriter.FileName, NetworkPolicyWriter.Write(plan)));
        files.AddRange(ClusterAddOns(plan));
        files.Add(new(KustomizationWriter.FileName, KustomizationWriter.Write(plan, files.Select(file => file.Path))));
        return files.Select(file => file with { Path = Folder + file.Path });
    }

    /// <summary>The objects for the cluster's operators, each only when its setting is on.</summary>
    private static IEnumerable<ManifestFile> ClusterAddOns(ServicePlan plan)
    {
        var monitored = MetricsEndpoint.Of(plan).Any();
        if (plan.AddOns.Monitoring == PrometheusMode.PodMonitor && monitored)
        {
            yield return new(PodMonitorWriter.FileName, PodMonitorWriter.Write(plan));
        }

        if (plan.AddOns.Monitoring == PrometheusMode.ServiceMonitor && monitored)
        {
            yield return new(MetricsServiceWriter.FileName, MetricsServiceWriter.Write(plan));
            yield return new(ServiceMonitorWriter.FileName, ServiceMonitorWriter.Write(plan));
        }

        foreach (var certificate in CertificateSpec.Of(plan))
        {
            yield return new(CertificateWriter.FileName(certificate), CertificateWriter.Write(plan, certificate));
        }

        if (plan.Host is { } host)
        {
            yield return plan.AddOns.Gateway is { } gateway
                ? new(HttpRouteWriter.FileName, HttpRouteWriter.Write(plan, gateway, host))
                : new(IngressWriter.FileName, IngressWriter.Write(plan, host));
        }

        if (plan.AddOns.SecretStore is { } store)
        {
            foreach (var secret in PodSecrets.Of(plan))
            {
                yield return new(ExternalSecretWriter.FileName(secret), ExternalSecretWriter.Write(plan, store, secret));
            }
        }
    }
}
