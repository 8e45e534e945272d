using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Yaml;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>
/// deployment.yaml: one Pod template holding the app and its sidecars, secure by default
/// (Pod Security Standards, restricted).
/// </summary>
internal static class DeploymentWriter
{
    public const string FileName = "deployment.yaml";

    public static string Write(ServicePlan plan)
    {
        var yaml = Metadata.Begin(plan, "apps/v1", "Deployment", plan.Name);
        yaml.BeginMap("spec");
        // An autoscaled Deployment leaves the count to its autoscaler: a replicas field would reset it on every apply or GitOps sync.
        if (plan.Autoscaling is null)
        {
            yaml.Pair("replicas", plan.Replicas);
        }

        yaml.Pair("revisionHistoryLimit", 5);
        Metadata.Selector(yaml, plan);
        yaml.BeginMap("template");
        PodMetadata(yaml, plan);
        PodSpec(yaml, plan);
        return yaml.EndMap().EndMap().EndMap().Finish();
    }

    private static void PodMetadata(YamlWriter yaml, ServicePlan plan)
    {
        yaml.BeginMap("metadata");
        // A sidecar may label the Pod (a mesh's injection label): on the template, where the webhook looks.
        Metadata.Map(yaml, "labels", Labels.All(plan).Concat(plan.Sidecars.SelectMany(sidecar => sidecar.PodLabels)));
        var annotations = PodAnnotations(plan).ToList();
        if (annotations.Count > 0)
        {
            Metadata.Map(yaml, "annotations", annotations);
        }

        yaml.EndMap();
    }

    /// <summary>
    /// The sidecars' annotations, plus a hash of every config file: ConfigMaps do not restart Pods,
    /// so a changed config must change the template to roll out.
    /// </summary>
    private static IEnumerable<KeyValue> PodAnnotations(ServicePlan plan)
    {
        var configs = plan.Sidecars
            .SelectMany(sidecar => sidecar.ConfigFiles.Select(file => sidecar.Name + "/" + file.FileName + "\n" + file.Content))
            .ToList();
        if (configs.Count > 0)
        {
            yield return new KeyValue("sidecargen.io/config-hash", Hash(string.Join("\n", configs)));
        }

        // Annotations name one endpoint per Pod: with a metrics and a mesh sidecar, the first declared owns them.
        // A PodMonitor or ServiceMonitor replaces them (SidecarGenPrometheus).
        if (plan.AddOns.Monitoring == PrometheusMode.Annotations && MetricsEndpoint.Of(plan).FirstOrDefault() is { } metrics)
        {
            yield return new KeyValue("prometheus.io/scrape", "true");
            yield return new KeyValue("prometheus.io/port", metrics.Port.ToString(CultureInfo.InvariantCulture));
            yield return new KeyValue("prometheus.io/path", metrics.Path);
        }

        foreach (var annotation in plan.Sidecars.SelectMany(sidecar => sidecar.PodAnnotations).GroupBy(a => a.Key).Select(g => g.First()))
        {
            yield return annotation;
        }
    }

    private static void PodSpec(YamlWriter yaml, ServicePlan plan)
    {
        yaml.BeginMap("spec")
            .Pair("serviceAccountName", ServiceAccounts.Of(plan.Name))
            .Pair("automountServiceAccountToken", false)
            .Pair("enableServiceLinks", false)
            .BeginMap("securityContext")
            .Pair("runAsNonRoot", true)
            .Pair("runAsUser", SecurityProfile.UserId)
            .Pair("runAsGroup", SecurityProfile.GroupId)
            .Pair("fsGroup", SecurityProfile.GroupId)
            .BeginMap("seccompProfile").Pair("type", "RuntimeDefault").EndMap()
            .EndMap()
            .Pair("terminationGracePeriodSeconds", 30);

        var tools = PodVolumes.Containers(plan).Any(container => ProbeTools.RunBy(container.Probe));
        var nativeSidecars = plan.NativeSidecars ? plan.Running.ToList() : new List<SidecarSpec>();
        if (tools || nativeSidecars.Count > 0)
        {
            yaml.BeginSequence("initContainers");
            if (tools)
            {
                // First, so the tools are in place before any probe runs them.
                ContainerWriter.Write(yaml, ProbeTools.Installer, nativeSidecar: false);
            }

            foreach (var sidecar in nativeSidecars)
            {
                ContainerWriter.Write(yaml, sidecar.Container, nativeSidecar: true);
            }

            yaml.EndSequence();
        }

        yaml.BeginSequence("containers");
        if (!plan.NativeSidecars)
        {
            // Before Kubernetes 1.29 (SCG0014): ordinary containers. The kubelet starts a Pod's
            // containers in list order, so the sidecars come first; nothing waits for their readiness.
            foreach (var sidecar in plan.Running)
            {
                ContainerWriter.Write(yaml, sidecar.Container, nativeSidecar: false);
            }
        }

        ContainerWriter.Write(yaml, plan.App, nativeSidecar: false);
        yaml.EndSequence();
        Volumes(yaml, plan, tools);
        yaml.EndMap();
    }

    private static void Volumes(YamlWriter yaml, ServicePlan plan, bool tools)
    {
        yaml.BeginSequence("volumes");
        foreach (var volume in PodVolumes.Of(plan))
        {
            yaml.BeginMap().Pair("name", volume.Name);
            switch (volume.Kind)
            {
                case VolumeKind.Config:
                    yaml.BeginMap("configMap").Pair("name", volume.Source).EndMap();
                    break;
                case VolumeKind.Secret:
                    yaml.BeginMap("secret").Pair("secretName", volume.Source).EndMap();
                    break;
                default:
                    yaml.BeginMap("emptyDir").Pair("sizeLimit", volume.SizeLimit ?? (volume.Kind == VolumeKind.Shared ? SharedVolumeSpec.DefaultSizeLimit : "256Mi")).EndMap();
                    break;
            }

            yaml.EndMap();
        }

        if (tools)
        {
            // One static binary of 1.5 MB.
            yaml.BeginMap().Pair("name", ProbeTools.Volume).BeginMap("emptyDir").Pair("sizeLimit", "16Mi").EndMap().EndMap();
        }

        yaml.EndSequence();
    }

    private static string Hash(string text)
    {
        using var sha = SHA256.Create();
        var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        var hex = new StringBuilder(16);
        for (var i = 0; i < 8; i++)
        {
            hex.Append(bytes[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}
