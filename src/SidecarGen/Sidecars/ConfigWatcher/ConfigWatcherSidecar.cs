using System.Collections.Generic;
using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Rules;

namespace SidecarGen.Sidecars.ConfigWatcher;

/// <summary>
/// <c>[ConfigWatcherSidecar]</c>: watches Consul or etcd under <c>Key</c> and writes the configuration
/// into a volume the app mounts read-only at <c>MountPath</c>, so the app reloads it without a
/// client library. The startup probe passes once the first sync is on disk, and a native sidecar
/// holds the app back until then.
/// </summary>
internal sealed class ConfigWatcherSidecar : SidecarKind<ConfigWatcherSidecarAttribute, ConfigWatcherOptions>
{
    public override IEnumerable<string> DefaultImages => new[] { ConsulTemplateWatcher.Image, EtcdWatcher.Image };

    protected override ConfigWatcherOptions ReadOptions(ConfigWatcherSidecarAttribute attribute) => ConfigWatcherOptions.Read(attribute);

    protected override string? DefaultImage(ConfigWatcherOptions options) =>
        options.Source == ConfigSource.Etcd ? EtcdWatcher.Image : ConsulTemplateWatcher.Image;

    protected override IEnumerable<PathProperty> Paths(ConfigWatcherOptions options) =>
        new[] { new PathProperty(nameof(ConfigWatcherSidecarAttribute.MountPath), options.MountPath) };

    protected override void Check(ConfigWatcherOptions options, AttributeFindings findings)
    {
        SidecarChecks.KeyPath(findings, nameof(ConfigWatcherSidecarAttribute.Key), options.Key);
        SidecarChecks.Url(findings, nameof(ConfigWatcherSidecarAttribute.Address), options.Address, options.AddressUrl, required: false);
    }

    protected override SidecarSpec Plan(ConfigWatcherOptions options, SidecarContext context)
    {
        var name = options.Common.Name;
        var etcd = options.Source == ConfigSource.Etcd;
        var mountPath = options.MountPath.TrimEnd('/');
        var watcherContext = new ConfigWatcherContext(
            name,
            options.AddressUrl ?? (etcd ? EtcdWatcher.DefaultAddress : ConsulTemplateWatcher.DefaultAddress),
            options.Key is { Length: > 0 } key ? key : "config/" + context.ServiceName,
            mountPath);
        var watcher = etcd ? EtcdWatcher.Build(watcherContext) : ConsulTemplateWatcher.Build(watcherContext);
        var dataVolume = name + "-data";

        var container = CommonSettings.Container(
            options.Common,
            CommonSettings.Image(options.Common, watcher.Image),
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
            ConfigFiles: watcher.ConfigFiles,
            SharedVolumes: EquatableArray.Of(new SharedVolumeSpec(dataVolume, mountPath, AppReadOnly: true)),

            // The app waits for the first sync, so the watcher reaches its store directly, not through
            // a mesh proxy whose egress policy or readiness could hold the whole Pod back.
            MeshBypassPorts: EquatableArray.Of(watcherContext.Address.Port));
    }
}
