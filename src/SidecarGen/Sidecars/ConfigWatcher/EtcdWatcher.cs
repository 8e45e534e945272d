using System.IO;
using SidecarGen.Model;
using SidecarGen.Pod;

namespace SidecarGen.Sidecars.ConfigWatcher;

/// <summary>
/// etcd: a small shell loop around <c>etcdctl watch</c> mirrors every key under the prefix into the
/// mount, one file per key (the script is <c>etcd-watch.sh</c> beside this file).
/// </summary>
internal static class EtcdWatcher
{
    /// <summary>etcd with etcdctl and a shell for the watch loop (the upstream image is distroless).</summary>
    public const string Image = "bitnami/etcd:3.5.17";

    public static readonly System.Uri DefaultAddress = new("http://etcd:2379");
    private const string ScriptFile = "watch.sh";
    private static readonly string Script = ReadScript();

    public static WatcherSetup Build(ConfigWatcherContext context) => new(
        Image,
        EquatableArray.Of("/bin/sh"),
        EquatableArray.Of(context.ConfigDirectory + "/" + ScriptFile),
        EquatableArray.Of(new ConfigFileSpec(ScriptFile, Script)),
        EquatableArray.Of(
            EnvVarSpec.Literal("ETCDCTL_API", "3"),
            EnvVarSpec.Literal("SIDECARGEN_ETCD_ENDPOINT", context.Address.OriginalString),
            EnvVarSpec.Literal("SIDECARGEN_ETCD_PREFIX", context.Key),
            EnvVarSpec.Literal("SIDECARGEN_CONFIG_DIR", context.MountPath),
            EnvVarSpec.Literal("SIDECARGEN_READY_FILE", ConfigWatcherContext.ReadyFile)),
        ProbeSpec.Command("test", "-f", ConfigWatcherContext.ReadyFile));

    private static string ReadScript()
    {
        using var stream = typeof(EtcdWatcher).Assembly.GetManifestResourceStream("SidecarGen.etcd-watch.sh")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}
