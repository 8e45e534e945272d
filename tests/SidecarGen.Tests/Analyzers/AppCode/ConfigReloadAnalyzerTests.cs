using Microsoft.CodeAnalysis.Testing;
using SidecarGen.CodeFixes;
using SidecarGen.Diagnostics.AppCode;
using SidecarGen.Rules;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Analyzers.AppCode;

/// <summary>
/// SCG0034: the config watcher's files under MountPath loaded without reloadOnChange, in the wrong shape,
/// or never; silent for the good shapes and wherever a configuration source cannot be read; and the fix.
/// </summary>
public sealed class ConfigReloadAnalyzerTests
{
    private const string Etcd = """
        [SidecarGen.SidecarService("payments")]
        [SidecarGen.ConfigWatcherSidecar(Source = SidecarGen.ConfigSource.Etcd, MountPath = "/etc/app/config")]
        public partial class Program { }
        """;

    [Fact]
    public Task Fires_at_a_false_reload_with_mount_path_as_additional_location() => Verify<ConfigReloadAnalyzer>.WebApp(
        ["""
        using Microsoft.Extensions.Configuration;
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        builder.Configuration.AddKeyPerFile("/etc/app/config", optional: true, reloadOnChange: {|#0:false|});

        [SidecarGen.SidecarService("payments")]
        [SidecarGen.ConfigWatcherSidecar(Source = SidecarGen.ConfigSource.Etcd, {|#1:MountPath = "/etc/app/config/"|})]
        public partial class Program { }
        """],
        [Expected(0, 1).WithMessage("AddKeyPerFile(\"/etc/app/config\") reads the 'config-watcher' watcher's files once: without reloadOnChange: true the app keeps the values it started with")]);

    [Fact]
    public Task Fires_at_the_consul_json_loaded_by_an_overload_without_reload_in_a_generic_host() => Verify<ConfigReloadAnalyzer>.WebApp(
        ["""
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Hosting;
        const string Mount = "/srv/config";
        Host.CreateDefaultBuilder(args).ConfigureAppConfiguration(config => {|#0:config.AddJsonFile($"{Mount}/config.json", optional: false)|}).Build();

        [SidecarGen.SidecarService("payments")]
        [SidecarGen.ConfigWatcherSidecar({|#1:MountPath = "/srv/config"|})]
        public partial class Program { }
        """],
        [Expected(0, 1)]);

    [Fact]
    public Task Fires_when_consuls_json_is_read_as_key_per_file_or_another_file_is_named() => Verify<ConfigReloadAnalyzer>.WebApp(
        ["""
        using Microsoft.Extensions.Configuration;
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        {|#0:builder.Configuration.AddKeyPerFile("/etc/app/config", optional: false, reloadOnChange: true)|};
        {|#1:builder.Configuration.AddJsonFile("/etc/app/config/settings.json", optional: true, reloadOnChange: true)|};

        [SidecarGen.SidecarService("payments")]
        [{|#2:SidecarGen.ConfigWatcherSidecar|}]
        public partial class Program { }
        """],
        [
            Expected(0, 2).WithMessage("The 'config-watcher' watcher (Consul) writes one JSON document, /etc/app/config/config.json; AddKeyPerFile reads it as a single key named 'config.json'; load it with AddJsonFile(\"/etc/app/config/config.json\", optional: false, reloadOnChange: true)"),
            Expected(1, 2).WithMessage("The 'config-watcher' watcher (Consul) writes only /etc/app/config/config.json, not '/etc/app/config/settings.json'"),
        ]);

    [Fact]
    public Task Fires_at_mount_path_when_the_app_loads_nothing_from_it() => Verify<ConfigReloadAnalyzer>.WebApp(
        ["""
        using Microsoft.Extensions.Configuration;
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        builder.Configuration.AddKeyPerFile("/etc/other", optional: true, reloadOnChange: true).AddEnvironmentVariables("APP_");

        [SidecarGen.SidecarService("payments")]
        [SidecarGen.ConfigWatcherSidecar(Source = SidecarGen.ConfigSource.Etcd, {|#0:MountPath = "/etc/app/config"|})]
        public partial class Program { }
        """],
        [new DiagnosticResult(DiagnosticDescriptors.ConfigNotLoaded.Id, DiagnosticDescriptors.ConfigNotLoaded.DefaultSeverity).WithLocation(0)
            .WithMessage("The app never loads what the 'config-watcher' watcher writes under /etc/app/config: add builder.Configuration.AddKeyPerFile(\"/etc/app/config\", optional: false, reloadOnChange: true)")]);

    [Fact]
    public Task Silent_for_the_etcd_folder_reloaded() => Verify<ConfigReloadAnalyzer>.WebApp(
        """
        using Microsoft.Extensions.Configuration;
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        builder.Configuration.AddKeyPerFile("/etc/app/config", optional: true, reloadOnChange: true);
        builder.Configuration.AddJsonFile("appsettings.json");
        """ + Etcd);

    [Fact]
    public Task Silent_for_the_consul_json_reloaded() => Verify<ConfigReloadAnalyzer>.WebApp(
        """
        using Microsoft.Extensions.Configuration;
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        builder.Configuration.AddJsonFile("/srv/consul/config.json", optional: false, reloadOnChange: true);

        [SidecarGen.SidecarService("payments")]
        [SidecarGen.ConfigWatcherSidecar(MountPath = "/srv/consul/")]
        public partial class Program { }
        """);

    [Theory]
    [InlineData("builder.Configuration.AddKeyPerFile(builder.Configuration[\"ConfigDir\"]!, optional: true, reloadOnChange: true);")]
    [InlineData("builder.Configuration.AddKeyPerFile(source => source.Optional = true);")]
    [InlineData("builder.Configuration.SetBasePath(\"/etc/app/config\").AddJsonFile(\"config.json\");")]
    [InlineData("builder.Configuration.AddJsonStream(System.IO.Stream.Null);")]
    [InlineData("((IConfigurationBuilder)builder.Configuration).Add(new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource());")]
    public Task Silent_when_a_source_cannot_be_read(string load) => Verify<ConfigReloadAnalyzer>.WebApp(
        $$"""
        using Microsoft.Extensions.Configuration;
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        {{load}}
        """ + Etcd);

    [Fact]
    public Task Silent_for_a_load_in_the_apps_own_helper_in_another_file() => Verify<ConfigReloadAnalyzer>.WebApp(
        """
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        builder.Configuration.AddWatchedConfig();
        """ + Etcd,
        """
        using Microsoft.Extensions.Configuration;
        internal static class Config
        {
            public static IConfigurationBuilder AddWatchedConfig(this IConfigurationBuilder builder) => builder.AddKeyPerFile("/etc/app/config", optional: false, reloadOnChange: true);
        }
        """);

    [Fact]
    public Task Silent_without_a_config_watcher() => Verify<ConfigReloadAnalyzer>.WebApp(
        """
        using Microsoft.Extensions.Configuration;
        Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args).Configuration.AddJsonFile("/etc/app/config/config.json");

        [SidecarGen.SidecarService("payments")]
        public partial class Program { }
        """);

    [Fact]
    public Task The_fix_adds_reload_and_keeps_the_file_required() => Verify<ConfigReloadAnalyzer>.WebAppCodeFix<ReloadOnChangeCodeFix>(
        """
        using Microsoft.Extensions.Configuration;
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        {|#0:builder.Configuration.AddJsonFile("/etc/app/config/config.json")|};

        [SidecarGen.SidecarService("payments")]
        [{|#1:SidecarGen.ConfigWatcherSidecar|}]
        public partial class Program { }
        """,
        [Expected(0, 1)],
        """
        using Microsoft.Extensions.Configuration;
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        builder.Configuration.AddJsonFile("/etc/app/config/config.json", optional: false, reloadOnChange: true);

        [SidecarGen.SidecarService("payments")]
        [SidecarGen.ConfigWatcherSidecar]
        public partial class Program { }
        """);

    [Fact]
    public Task The_fix_turns_a_false_reload_true() => Verify<ConfigReloadAnalyzer>.WebAppCodeFix<ReloadOnChangeCodeFix>(
        """
        using Microsoft.Extensions.Configuration;
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        builder.Configuration.AddKeyPerFile("/etc/app/config", true, {|#0:false|});
        """ + Etcd.Replace("MountPath = \"/etc/app/config\"", "{|#1:MountPath = \"/etc/app/config\"|}", StringComparison.Ordinal),
        [Expected(0, 1)],
        """
        using Microsoft.Extensions.Configuration;
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        builder.Configuration.AddKeyPerFile("/etc/app/config", true, true);
        """ + Etcd);

    private static DiagnosticResult Expected(int code, int mountPath) =>
        new DiagnosticResult(DiagnosticDescriptors.ConfigNotReloaded.Id, DiagnosticDescriptors.ConfigNotReloaded.DefaultSeverity).WithLocation(code).WithLocation(mountPath);
}
