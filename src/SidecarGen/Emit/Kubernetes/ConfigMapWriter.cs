using SidecarGen.Pod;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>configmap-&lt;sidecar&gt;.yaml: a sidecar's config files, mounted read-only into it.</summary>
internal static class ConfigMapWriter
{
    public static string FileName(SidecarSpec sidecar) => "configmap-" + sidecar.Name + ".yaml";

    public static string Write(ServicePlan plan, SidecarSpec sidecar)
    {
        var yaml = Metadata.Begin(plan, "v1", "ConfigMap", PodVolumes.ConfigMapName(plan, sidecar));
        yaml.BeginMap("data");
        foreach (var file in sidecar.ConfigFiles)
        {
            yaml.Pair(file.FileName, file.Content);
        }

        return yaml.EndMap().EndMap().Finish();
    }
}
