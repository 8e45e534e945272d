using SidecarGen.Model;
using SidecarGen.Planning;
using SidecarGen.Sidecars.ConfigWatching;

namespace SidecarGen.Sidecars;

/// <summary>
/// <c>[ConfigWatcherSidecar]</c>: watches Consul or etcd under <c>Key</c> and writes the configuration
/// into a volume the app mounts read-only at <c>MountPath</c>, so the app reloads it without a
/// client library. The startup probe passes once the first sync is on disk, and a native sidecar
/// holds the app back until then.
/// </summary>
internal static class ConfigWatcherSidecar
{
    public const string DefaultName = "config-watcher";
    public const string DefaultMountPath = "/etc/app/config";

    public static SidecarSpec Build(SidecarDeclaration sidecar, SidecarContext context)
    {
        var arguments = sidecar.Arguments;
        var name = CommonSettings.Name(sidecar, DefaultName);
        var etcd = arguments.GetInt("Source") == 1;
        var mountPath = arguments.GetString("MountPath") is { Length: > 0 } path ? path.TrimEnd('/') : DefaultMountPath;
        var watcherContext = new ConfigWatcherContext(
            name,
            arguments.GetString("Address") is { Length: > 0 } address ? address : etcd ? EtcdWatcher.DefaultAddress : ConsulTemplateWatcher.DefaultAddress,
            arguments.GetString("Key") is { Length: > 0 } key ? key : "config/" + context.ServiceName,
            mountPath);
        var watcher = etcd ? EtcdWatcher.Build(watcherContext) : ConsulTemplateWatcher.Build(watcherContext);
        var dataVolume = name + "-data";

        var container = CommonSettings.Container(
            sidecar,
            name,
            CommonSettings.Image(sidecar, watcher.Image),
            watcher.Command,
            watcher.Args,
            System.Array.Empty<PortSpec>(),
            watcher.Env,
            new[]
            {
                CommonSettings.ConfigMount(name),
                new MountSpec(dataVolume, mountPath, ReadOnly: false),
                new MountSpec(name + "-tmp", "/tmp", ReadOnly: false),
            },
            watcher.Probe);

        return new SidecarSpec(
            container,
            CommonSettings.Concerns(sidecar, Concerns.Configuration),
            watcher.ConfigFiles,
            EquatableArray.Of(new SharedVolumeSpec(dataVolume, mountPath, AppReadOnly: true)),
            EquatableArray<EnvVarSpec>.Empty,
            EquatableArray<KeyValue>.Empty,
            InboundPort: null);
    }
}
