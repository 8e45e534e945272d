using System.Linq;
using SidecarGen.Yaml;
using SidecarGen.Pod;

namespace SidecarGen.Emit.Kubernetes;

/// <summary>
/// Renders one container of the Pod spec: the restricted security context, requests and limits,
/// and the three probes, for the app and every sidecar alike.
/// </summary>
internal static class ContainerWriter
{
    public static void Write(YamlWriter yaml, ContainerSpec container, bool nativeSidecar)
    {
        yaml.BeginMap()
            .Pair("name", container.Name)
            .Pair("image", container.Image)
            .Pair("imagePullPolicy", "IfNotPresent");
        if (nativeSidecar)
        {
            // A native sidecar: starts before the app, runs beside it, stops after it.
            yaml.Pair("restartPolicy", "Always");
        }

        Strings(yaml, "command", container.Command);
        Strings(yaml, "args", container.Args);
        Ports(yaml, container);
        Env(yaml, container);
        Resources(yaml, container.Resources);
        SecurityContext(yaml, container);
        Probes(yaml, container);
        Mounts(yaml, container);
        yaml.EndMap();
    }

    private static void Strings(YamlWriter yaml, string key, Model.EquatableArray<string> values)
    {
        if (values.IsEmpty)
        {
            return;
        }

        yaml.BeginSequence(key);
        foreach (var value in values)
        {
            yaml.String(value);
        }

        yaml.EndSequence();
    }

    private static void Ports(YamlWriter yaml, ContainerSpec container)
    {
        if (container.Ports.IsEmpty)
        {
            return;
        }

        yaml.BeginSequence("ports");
        foreach (var port in container.Ports)
        {
            yaml.BeginMap().Pair("name", port.Name).Pair("containerPort", port.Port).Pair("protocol", "TCP").EndMap();
        }

        yaml.EndSequence();
    }

    private static void Env(YamlWriter yaml, ContainerSpec container)
    {
        if (container.Env.IsEmpty)
        {
            return;
        }

        yaml.BeginSequence("env");
        foreach (var variable in container.Env)
        {
            yaml.BeginMap().Pair("name", variable.Name);
            if (variable.Secret is { } secret)
            {
                yaml.BeginMap("valueFrom").BeginMap("secretKeyRef")
                    .Pair("name", secret.SecretName)
                    .Pair("key", secret.Key)
                    .EndMap().EndMap();
            }
            else
            {
                yaml.Pair("value", variable.Value ?? string.Empty);
            }

            yaml.EndMap();
        }

        yaml.EndSequence();
    }

    private static void Resources(YamlWriter yaml, ResourceSpec resources) =>
        yaml.BeginMap("resources")
            .BeginMap("requests").Pair("cpu", resources.CpuRequest).Pair("memory", resources.MemoryRequest).EndMap()
            .BeginMap("limits").Pair("cpu", resources.CpuLimit).Pair("memory", resources.MemoryLimit).EndMap()
            .EndMap();

    private static void SecurityContext(YamlWriter yaml, ContainerSpec container)
    {
        yaml.BeginMap("securityContext")
            .Pair("allowPrivilegeEscalation", false)
            .BeginMap("capabilities")
            .BeginSequence("drop").String("ALL").EndSequence();
        if (!container.AddCapabilities.IsEmpty)
        {
            yaml.BeginSequence("add");
            foreach (var capability in container.AddCapabilities)
            {
                yaml.String(capability);
            }

            yaml.EndSequence();
        }

        yaml.EndMap()
            .Pair("privileged", false)
            .Pair("readOnlyRootFilesystem", true)
            .Pair("runAsNonRoot", !container.RunAsRoot)
            .Pair("runAsUser", container.RunAsRoot ? 0 : SecurityProfile.UserId)
            .Pair("runAsGroup", container.RunAsRoot ? 0 : SecurityProfile.GroupId)
            .BeginMap("seccompProfile").Pair("type", "RuntimeDefault").EndMap()
            .EndMap();
    }

    /// <summary>
    /// The startup probe gates what starts next (for a native sidecar: the app), readiness gates
    /// traffic, liveness restarts a hung container. A failed startup probe restarts the container as a
    /// failed liveness probe does, so the two ask the same (Kubernetes' "Protect slow starting containers
    /// with startup probes"): an outage of a dependency that only readiness checks never restarts it.
    /// </summary>
    private static void Probes(YamlWriter yaml, ContainerSpec container)
    {
        if (container.Probe is not { } probe)
        {
            return;
        }

        var liveness = container.Liveness ?? probe;
        Probe(yaml, container, "startupProbe", liveness, periodSeconds: 2, failureThreshold: 60);
        Probe(yaml, container, "readinessProbe", probe, periodSeconds: 10, failureThreshold: 3);
        Probe(yaml, container, "livenessProbe", liveness, periodSeconds: 20, failureThreshold: 3);
    }

    private static void Probe(YamlWriter yaml, ContainerSpec container, string key, ProbeSpec probe, int periodSeconds, int failureThreshold)
    {
        yaml.BeginMap(key);
        if (!probe.Exec.IsEmpty)
        {
            yaml.BeginMap("exec");
            Strings(yaml, "command", probe.Exec);
            yaml.EndMap();
        }
        else if (probe.HttpPath is { } path)
        {
            yaml.BeginMap("httpGet").Pair("path", path).Pair("port", probe.PortName);
            if (probe.Https)
            {
                yaml.Pair("scheme", "HTTPS");
            }

            yaml.EndMap();
        }
        else if (probe.Grpc)
        {
            // A number: the gRPC probe takes no port name (core/v1 GRPCAction).
            yaml.BeginMap("grpc").Pair("port", container.Ports.First(port => port.Name == probe.PortName).Port).EndMap();
        }
        else
        {
            yaml.BeginMap("tcpSocket").Pair("port", probe.PortName).EndMap();
        }

        yaml.Pair("periodSeconds", periodSeconds)
            .Pair("timeoutSeconds", ProbeSpec.TimeoutSeconds)
            .Pair("failureThreshold", failureThreshold)
            .EndMap();
    }

    private static void Mounts(YamlWriter yaml, ContainerSpec container)
    {
        var secretDirectories = container.SecretFiles
            .GroupBy(file => file.Secret.SecretName)
            .Select(group => (Volume: PodVolumes.SecretVolume(group.Key), group.First().Directory));
        var tools = ProbeTools.RunBy(container.Probe);
        if (container.Mounts.IsEmpty && container.SecretFiles.IsEmpty && !tools)
        {
            return;
        }

        yaml.BeginSequence("volumeMounts");
        foreach (var mount in container.Mounts)
        {
            yaml.BeginMap().Pair("name", mount.Volume).Pair("mountPath", mount.Path);
            if (mount.ReadOnly)
            {
                yaml.Pair("readOnly", true);
            }

            yaml.EndMap();
        }

        foreach (var (volume, directory) in secretDirectories)
        {
            yaml.BeginMap().Pair("name", volume).Pair("mountPath", directory).Pair("readOnly", true).EndMap();
        }

        if (tools)
        {
            yaml.BeginMap().Pair("name", ProbeTools.Volume).Pair("mountPath", ProbeTools.Folder).Pair("readOnly", true).EndMap();
        }

        yaml.EndSequence();
    }
}
