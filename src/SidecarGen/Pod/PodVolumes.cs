using System.Collections.Generic;
using System.Linq;

namespace SidecarGen.Pod;

/// <summary>Every volume the Pod's containers mount, each once, in the order they are first mounted.</summary>
internal static class PodVolumes
{
    public static IReadOnlyList<VolumeSpec> Of(ServicePlan plan)
    {
        var shared = plan.Sidecars.SelectMany(sidecar => sidecar.SharedVolumes).GroupBy(volume => volume.Volume).ToDictionary(group => group.Key, group => group.First().SizeLimit);
        var configMaps = plan.Sidecars
            .Where(sidecar => !sidecar.ConfigFiles.IsEmpty)
            .ToDictionary(sidecar => SidecarSpec.ConfigVolume(sidecar.Name), sidecar => ConfigMapName(plan, sidecar));

        var volumes = new List<VolumeSpec>();
        var seen = new HashSet<string>();
        foreach (var container in Containers(plan))
        {
            foreach (var mount in container.Mounts)
            {
                var kind = configMaps.ContainsKey(mount.Volume) ? VolumeKind.Config
                    : shared.ContainsKey(mount.Volume) ? VolumeKind.Shared
                    : mount.KeepsState ? VolumeKind.State
                    : VolumeKind.Scratch;
                if (seen.Add(mount.Volume))
                {
                    volumes.Add(new VolumeSpec(mount.Volume, kind, kind == VolumeKind.Config ? configMaps[mount.Volume] : string.Empty, kind == VolumeKind.Shared ? shared[mount.Volume] : null));
                }
            }

            foreach (var file in container.SecretFiles)
            {
                var name = SecretVolume(file.Secret.SecretName);
                if (seen.Add(name))
                {
                    volumes.Add(new VolumeSpec(name, VolumeKind.Secret, file.Secret.SecretName));
                }
            }
        }

        return volumes;
    }

    public static IEnumerable<ContainerSpec> Containers(ServicePlan plan) =>
        new[] { plan.App }.Concat(plan.Running.Select(sidecar => sidecar.Container));

    public static string ConfigMapName(ServicePlan plan, SidecarSpec sidecar) => plan.Name + "-" + sidecar.Name;

    /// <summary>A volume name is a DNS-1123 label; a Secret name may be a longer DNS subdomain.</summary>
    public static string SecretVolume(string secretName) => Naming.KebabCase("secret-" + secretName.Replace('.', '-'));
}
