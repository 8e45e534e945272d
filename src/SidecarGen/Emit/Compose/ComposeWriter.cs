using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Yaml;

namespace SidecarGen.Emit.Compose;

/// <summary>
/// compose.yaml plus the sidecars' config files beside it, with the Pod's lifecycle: the holder
/// (<see cref="PodHolder"/>) starts first and owns the network namespace and the published port;
/// the secrets are copied (<see cref="SecretCopier"/>); every sidecar joins the namespace; the app
/// starts only when every sidecar is healthy, and stops first.
/// </summary>
internal static class ComposeWriter
{
    public const string Folder = "compose/";
    public const string FileName = "compose.yaml";

    public static IEnumerable<ManifestFile> Write(ServicePlan plan) =>
        Write(plan.Name, new[] { new ComposeService(plan, plan.App.Ports[0].Port, EquatableArray<string>.Empty) });

    /// <summary>
    /// One Compose project of several services (a system): every name is already prefixed with its
    /// service's, so the services' containers, volumes, secrets and config folders sit side by side;
    /// they share the project's default network, where each is reached by its service's name.
    /// </summary>
    public static IEnumerable<ManifestFile> Write(string project, IReadOnlyList<ComposeService> services)
    {
        yield return new ManifestFile(Folder + FileName, Render(project, services));
        foreach (var plan in services.Select(service => service.Plan))
        {
            foreach (var sidecar in plan.Running)
            {
                foreach (var file in sidecar.ConfigFiles)
                {
                    yield return new ManifestFile(Folder + ConfigFolder(plan, sidecar) + "/" + file.FileName, file.Content);
                }
            }
        }
    }

    public static string ConfigFolder(ServicePlan plan, SidecarSpec sidecar) => "config/" + ComposeNames.Sidecar(plan.Name, sidecar.Name);

    private static string Render(string project, IReadOnlyList<ComposeService> services)
    {
        var yaml = new YamlWriter().BeginMap()
            .Pair("name", project)
            .BeginMap("services");
        foreach (var service in services)
        {
            Services(yaml, service);
        }

        yaml.EndMap().BeginMap("volumes");
        foreach (var service in services)
        {
            Volumes(yaml, service.Plan, PodVolumes.Of(service.Plan));
        }

        return yaml.EndMap().EndMap().Finish();
    }

    private static void Services(YamlWriter yaml, ComposeService service)
    {
        var plan = service.Plan;
        var volumes = PodVolumes.Of(plan);
        var secretVolumes = volumes.Where(volume => volume.Kind == VolumeKind.Secret).ToList();
        var variables = VariableCheck.Variables(plan);
        PodHolder.Write(yaml, plan, volumes, service.PublishedPort, waitForVariables: variables.Count > 0);
        if (variables.Count > 0)
        {
            VariableCheck.Write(yaml, plan, variables);
        }

        if (secretVolumes.Count > 0)
        {
            SecretCopier.Write(yaml, plan, secretVolumes);
        }

        foreach (var sidecar in plan.Running)
        {
            yaml.BeginMap(ComposeNames.Sidecar(plan.Name, sidecar.Name));
            ContainerService.Write(yaml, plan, sidecar.Container, volumes, "./" + ConfigFolder(plan, sidecar));
            DependsOn(yaml, plan, sidecar.Container, Enumerable.Empty<SidecarSpec>(), Enumerable.Empty<string>());
            yaml.EndMap();
        }

        yaml.BeginMap(plan.Name);
        ContainerService.Write(yaml, plan, plan.App, volumes, configSource: null);
        DependsOn(yaml, plan, plan.App, plan.Running, service.Calls);
        yaml.EndMap();
    }

    /// <summary>
    /// Every container waits for the holder (and is restarted with it, to rejoin its new namespace) and
    /// for its secrets; the app also waits for every sidecar to be healthy, as a native sidecar's
    /// startup probe holds the Pod's app back. A sidecar's restart leaves the app running, as in the Pod.
    /// </summary>
    /// <remarks>
    /// In a system, the app also waits for the apps it calls (<paramref name="calls"/>) to be healthy (every
    /// app has a health check, made from its readiness probe), as it would wait for their Services to have
    /// ready endpoints.
    /// </remarks>
    private static void DependsOn(YamlWriter yaml, ServicePlan plan, ContainerSpec container, IEnumerable<SidecarSpec> sidecars, IEnumerable<string> calls)
    {
        yaml.BeginMap("depends_on");
        Dependency(yaml, ComposeNames.Holder(plan.Name), "service_healthy", restart: true);
        if (!container.SecretFiles.IsEmpty)
        {
            Dependency(yaml, ComposeNames.Secrets(plan.Name), "service_completed_successfully", restart: false);
        }

        foreach (var sidecar in sidecars)
        {
            Dependency(yaml, ComposeNames.Sidecar(plan.Name, sidecar.Name), sidecar.Container.Probe is null ? "service_started" : "service_healthy", restart: false);
        }

        foreach (var callee in calls)
        {
            Dependency(yaml, callee, "service_healthy", restart: false);
        }

        yaml.EndMap();
    }

    private static void Dependency(YamlWriter yaml, string service, string condition, bool restart) =>
        yaml.BeginMap(service).Pair("condition", condition).Pair("restart", restart).EndMap();

    /// <summary>
    /// tmpfs volumes owned by the containers' user (a plain named volume would be root-owned and the
    /// app could not write its logs into it). A shared volume whose sidecar bounds it gets that
    /// <c>size=</c> (podman 4.8 or newer accepts it): at the bound a write fails with "No space left on
    /// device", as on a full disk. The pages count against the memory limit of the container that
    /// writes them. A state volume (<see cref="VolumeKind.State"/>) is bounded by its agent's own limits.
    /// </summary>
    private static void Volumes(YamlWriter yaml, ServicePlan plan, IReadOnlyList<VolumeSpec> volumes)
    {
        Tmpfs(yaml, ComposeNames.Volume(plan.Name, ProbeTools.Volume), "0755", null);
        foreach (var volume in volumes.Where(volume => volume.Kind is VolumeKind.Shared))
        {
            Tmpfs(yaml, ComposeNames.Volume(plan.Name, volume.Name), "0770", volume.SizeLimit);
        }

        foreach (var volume in volumes.Where(volume => volume.Kind is VolumeKind.Secret or VolumeKind.State))
        {
            Tmpfs(yaml, ComposeNames.Volume(plan.Name, volume.Name), "0700", null);
        }
    }

    private static void Tmpfs(YamlWriter yaml, string name, string mode, string? size) =>
        yaml.BeginMap(name)
            .Pair("driver", "local")
            .BeginMap("driver_opts")
            .Pair("type", "tmpfs")
            .Pair("device", "tmpfs")
            .Pair("o", string.Format(CultureInfo.InvariantCulture, "uid={0},gid={1},mode={2}", SecurityProfile.UserId, SecurityProfile.GroupId, mode)
                + (size is null ? string.Empty : ",size=" + Quantities.ComposeMemory(size)))
            .EndMap()
            .EndMap();
}
