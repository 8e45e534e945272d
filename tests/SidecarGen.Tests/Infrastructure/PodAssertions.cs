using k8s.Models;

namespace SidecarGen.Tests.Infrastructure;

/// <summary>Checks every generated Pod must pass, whatever its sidecars.</summary>
internal static class PodAssertions
{
    /// <summary>The Pod Security Standards "restricted" profile, plus requests, limits, probes and pinned images.</summary>
    public static void Restricted(V1PodSpec pod, bool allowPrivilegedSidecars = false)
    {
        Assert.False(pod.AutomountServiceAccountToken);
        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.True(pod.SecurityContext.RunAsUser >= 10000);
        Assert.True(pod.SecurityContext.RunAsGroup >= 10000);
        Assert.Equal("RuntimeDefault", pod.SecurityContext.SeccompProfile.Type);

        foreach (var container in (pod.InitContainers ?? new List<V1Container>()).Concat(pod.Containers))
        {
            var security = container.SecurityContext;
            Assert.False(security.AllowPrivilegeEscalation);
            Assert.False(security.Privileged);
            Assert.Equal(new[] { "ALL" }, security.Capabilities.Drop);
            Assert.True(security.ReadOnlyRootFilesystem, container.Name);
            if (!allowPrivilegedSidecars)
            {
                Assert.Null(security.Capabilities.Add);
                Assert.True(security.RunAsNonRoot);
                Assert.True(security.RunAsUser >= 10000, container.Name);
            }

            Assert.Equal("RuntimeDefault", security.SeccompProfile.Type);
            Assert.Equal(new[] { "cpu", "memory" }, container.Resources.Requests.Keys.Order());
            Assert.Equal(new[] { "cpu", "memory" }, container.Resources.Limits.Keys.Order());
            if (pod.IsOneShot(container))
            {
                // An init container that ends (the probe tools' installer): Kubernetes allows it no probe.
                Assert.Null(container.ReadinessProbe);
                Assert.Null(container.LivenessProbe);
                Assert.Null(container.StartupProbe);
            }
            else
            {
                Assert.NotNull(container.ReadinessProbe);
                Assert.NotNull(container.LivenessProbe);
                Assert.NotNull(container.StartupProbe);
            }
            Assert.Matches(@"(:[\w.-]+|@sha256:[0-9a-f]{64})$", container.Image);
            Assert.DoesNotContain(":latest", container.Image);
        }

        // One-shot init containers run first: the sidecars after them may rely on what they leave.
        var initContainers = pod.InitContainers ?? new List<V1Container>();
        Assert.Equal(initContainers.OrderBy(c => pod.IsOneShot(c) ? 0 : 1).Select(c => c.Name), initContainers.Select(c => c.Name));

        var ports = pod.AllContainers().SelectMany(c => c.Ports ?? new List<V1ContainerPort>()).ToList();
        Assert.Equal(ports.Count, ports.Select(p => p.ContainerPort).Distinct().Count());
        Assert.Equal(ports.Count, ports.Select(p => p.Name).Distinct().Count());
        Assert.All(ports, p => Assert.InRange(p.Name.Length, 1, 15));

        // Names Kubernetes validates as DNS-1123 labels.
        Assert.All(pod.Volumes.Select(v => v.Name).Concat(pod.AllContainers().Select(c => c.Name)), name => Assert.Matches("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", name));

        // No container mounts two volumes on one path.
        Assert.All(pod.AllContainers(), c => Assert.Equal(c.VolumeMounts?.Count ?? 0, c.VolumeMounts?.Select(m => m.MountPath.TrimEnd('/')).Distinct().Count() ?? 0));

        // Every mounted volume exists, and every volume is mounted.
        var volumes = pod.Volumes.Select(v => v.Name).ToList();
        var mounted = pod.AllContainers().SelectMany(c => c.VolumeMounts ?? new List<V1VolumeMount>()).Select(m => m.Name).Distinct().ToList();
        Assert.Equal(volumes.Order(), mounted.Order());
    }

    public static IEnumerable<V1Container> AllContainers(this V1PodSpec pod) =>
        (pod.InitContainers ?? new List<V1Container>()).Concat(pod.Containers);

    /// <summary>The native sidecars: init containers that keep running (<c>restartPolicy: Always</c>).</summary>
    public static IEnumerable<V1Container> NativeSidecars(this V1PodSpec pod) =>
        (pod.InitContainers ?? new List<V1Container>()).Where(c => c.RestartPolicy == "Always");

    /// <summary>An init container that runs to its end before the Pod's other containers start.</summary>
    public static bool IsOneShot(this V1PodSpec pod, V1Container container) =>
        (pod.InitContainers ?? new List<V1Container>()).Contains(container) && container.RestartPolicy != "Always";

    public static V1Container Container(this V1PodSpec pod, string name) => pod.AllContainers().Single(c => c.Name == name);

    /// <summary>The container and port a named or numbered port of the Pod resolves to.</summary>
    public static (string Container, int Port) ResolvePort(this V1PodSpec pod, string port) =>
        pod.AllContainers()
            .SelectMany(c => (c.Ports ?? new List<V1ContainerPort>()).Select(p => (c.Name, p)))
            .Where(x => x.p.Name == port || x.p.ContainerPort.ToString() == port)
            .Select(x => (x.Name, x.p.ContainerPort))
            .Single();
}
