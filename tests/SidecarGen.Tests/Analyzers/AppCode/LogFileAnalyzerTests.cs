using Microsoft.CodeAnalysis.Testing;
using SidecarGen.Diagnostics.AppCode;
using SidecarGen.Rules;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Analyzers.AppCode;

/// <summary>
/// SCG0033: a Serilog file beside a logging sidecar that the agent never ships, or that can outgrow the
/// service's log volume (VolumeSizeLimit, 1Gi by default; Serilog.Sinks.File 7.0.0's defaults included: 1 GB per file, 31 files when rolling);
/// silent for a bounded shipped file, a path from configuration, a relative path, and without the sidecar.
/// </summary>
public sealed class LogFileAnalyzerTests
{
    private const string Logging = """
        [SidecarGen.SidecarService("orders")]
        [SidecarGen.LoggingSidecar(LogPath = "/var/log/app")]
        public partial class Program { }
        """;

    [Fact]
    public Task Fires_at_a_path_outside_log_path_with_log_path_as_additional_location() => Run(
        """
        new LoggerConfiguration().WriteTo.File({|#0:"/tmp/orders.log"|}, fileSizeLimitBytes: 10_000_000, rollOnFileSizeLimit: true, retainedFileCountLimit: 5).CreateLogger();

        [SidecarGen.SidecarService("orders")]
        [SidecarGen.LoggingSidecar({|#1:LogPath = "/var/log/app"|})]
        public partial class Program { }
        """,
        Expected(0, 1).WithMessage("Serilog writes '/tmp/orders.log', which the 'logging' agent never ships: it tails only /var/log/app/*.log; write a *.log file directly in LogPath"));

    [Fact]
    public Task Fires_for_a_file_the_glob_does_not_match_built_from_constants() => Run(
        """
        const string Folder = "/var/log/app";
        new LoggerConfiguration()
            .WriteTo.File({|#0:$"{Folder}/orders.txt"|}, fileSizeLimitBytes: 10_000_000)
            .WriteTo.File({|#1:Folder + "/audit/" + nameof(Program) + ".log"|}, fileSizeLimitBytes: 10_000_000)
            .CreateLogger();

        [SidecarGen.SidecarService("orders")]
        [{|#2:SidecarGen.LoggingSidecar|}]
        public partial class Program { }
        """,
        Expected(0, 2),
        Expected(1, 2));

    [Fact]
    public Task Fires_for_serilogs_defaults_when_the_file_rolls_daily() => Run(
        """
        new LoggerConfiguration().WriteTo.File("/var/log/app/orders-.log", rollingInterval: RollingInterval.Day).CreateLogger();
        """,
        "This Serilog file keeps up to 31 × 1073741824 bytes, more than the 1Gi log volume holds: the kubelet then evicts the Pod; lower fileSizeLimitBytes or retainedFileCountLimit so that their product stays under 1Gi");

    [Fact]
    public Task Fires_without_a_size_limit() => Run(
        """
        new LoggerConfiguration().WriteTo.File("/var/log/app/orders.log", fileSizeLimitBytes: null).CreateLogger();
        """,
        "This Serilog file has no size limit (fileSizeLimitBytes) and fills the 1Gi log volume: the kubelet then evicts the Pod; set fileSizeLimitBytes, rollOnFileSizeLimit: true and retainedFileCountLimit so that their product stays under 1Gi");

    [Fact]
    public Task Fires_when_rolling_keeps_every_file() => Run(
        """
        new LoggerConfiguration().WriteTo.File("/var/log/app/orders.log", fileSizeLimitBytes: 10_000_000, rollOnFileSizeLimit: true, retainedFileCountLimit: null).CreateLogger();
        """,
        "This Serilog file rolls with no retainedFileCountLimit and fills the 1Gi log volume: the kubelet then evicts the Pod; set retainedFileCountLimit so that it times fileSizeLimitBytes stays under 1Gi");

    [Fact]
    public Task Fires_in_an_async_wrapper_in_another_file_of_a_generic_host() => Verify<LogFileAnalyzer>.WebAppUsing(
        AppPackages.SerilogFile,
        ["""
        using Microsoft.Extensions.Hosting;
        Host.CreateDefaultBuilder(args).Build().Run();

        [SidecarGen.SidecarService("orders")]
        [SidecarGen.LoggingSidecar({|#1:LogPath = "/var/log/app/"|})]
        public partial class Program { }
        """,
        """
        using Serilog;
        internal static class Logs
        {
            public static ILogger Create() => new LoggerConfiguration().WriteTo.File({|#0:"/var/log/orders.log"|}).CreateLogger();
        }
        """],
        [Expected(0, 1)]);

    [Fact]
    public Task Silent_for_a_bounded_file_in_log_path() => Run(
        """
        const long TenMegabytes = 10 * 1024 * 1024;
        new LoggerConfiguration()
            .WriteTo.File("/var/log/app/orders.log", fileSizeLimitBytes: TenMegabytes, rollOnFileSizeLimit: true, retainedFileCountLimit: 5)
            .WriteTo.File("/var/log/app/daily-.log", rollingInterval: RollingInterval.Day, fileSizeLimitBytes: 20_000_000, retainedFileCountLimit: 7)
            .WriteTo.File("/var/log/app/single.log", fileSizeLimitBytes: 100_000_000)
            .CreateLogger();
        """);

    /// <summary>The volume the sink must fit is the one the service declares, not the default: 5 × 1 GB fits 8Gi.</summary>
    [Fact]
    public Task Silent_when_the_service_gives_its_log_volume_room_for_every_file() => Run(
        """
        new LoggerConfiguration().WriteTo.File("/var/log/app/orders.log", fileSizeLimitBytes: 1_073_741_824, rollOnFileSizeLimit: true, retainedFileCountLimit: 5).CreateLogger();

        [SidecarGen.SidecarService("orders")]
        [SidecarGen.LoggingSidecar(LogPath = "/var/log/app", VolumeSizeLimit = "8Gi")]
        public partial class Program { }
        """);

    [Fact]
    public Task Fires_against_the_services_own_log_volume_size() => Run(
        """
        {|#0:new LoggerConfiguration().WriteTo.File("/var/log/app/orders.log", fileSizeLimitBytes: 100_000_000, rollOnFileSizeLimit: true, retainedFileCountLimit: 5)|}.CreateLogger();

        [SidecarGen.SidecarService("orders")]
        [SidecarGen.LoggingSidecar({|#1:LogPath = "/var/log/app"|}, VolumeSizeLimit = "256Mi")]
        public partial class Program { }
        """,
        Expected(0, 1).WithMessage("This Serilog file keeps up to 5 × 100000000 bytes, more than the 256Mi log volume holds: the kubelet then evicts the Pod; lower fileSizeLimitBytes or retainedFileCountLimit so that their product stays under 256Mi"));

    [Fact]
    public Task Silent_where_the_path_or_a_limit_is_not_a_constant() => Run(
        """
        var folder = System.Environment.GetEnvironmentVariable("LOG_DIR") ?? "/var/log/app";
        long? limit = args.Length > 0 ? long.Parse(args[0]) : null;
        new LoggerConfiguration()
            .WriteTo.File(folder + "/orders.log", fileSizeLimitBytes: null)
            .WriteTo.File("logs/orders.txt")
            .WriteTo.File("/var/log/app/orders.log", fileSizeLimitBytes: limit)
            .CreateLogger();
        """);

    [Fact]
    public Task Silent_without_a_logging_sidecar() => Verify<LogFileAnalyzer>.WebAppUsing(
        AppPackages.SerilogFile,
        ["""
        using Serilog;
        new LoggerConfiguration().WriteTo.File("/tmp/orders.txt", fileSizeLimitBytes: null).CreateLogger();

        [SidecarGen.SidecarService("orders")]
        [SidecarGen.MetricsSidecar]
        public partial class Program { }
        """],
        []);

    private static Task Run(string statements, params DiagnosticResult[] expected) =>
        Verify<LogFileAnalyzer>.WebAppUsing(AppPackages.SerilogFile, ["using Serilog;\n" + (statements.Contains("public partial class Program", StringComparison.Ordinal) ? statements : statements + "\n" + Logging)], expected);

    /// <summary>The statement's <c>WriteTo.File</c> call fired at, with the LogPath argument as additional location.</summary>
    private static Task Run(string statement, string message)
    {
        var call = "{|#0:" + statement.Replace(".CreateLogger()", "|}.CreateLogger()", StringComparison.Ordinal);
        var logging = Logging.Replace("LogPath = \"/var/log/app\"", "{|#1:LogPath = \"/var/log/app\"|}", StringComparison.Ordinal);
        return Verify<LogFileAnalyzer>.WebAppUsing(AppPackages.SerilogFile, ["using Serilog;\n" + call + "\n" + logging], [Expected(0, 1).WithMessage(message)]);
    }

    private static DiagnosticResult Expected(int code, int logPath) =>
        new DiagnosticResult(DiagnosticDescriptors.UnshippedLogFile.Id, DiagnosticDescriptors.UnshippedLogFile.DefaultSeverity).WithLocation(code).WithLocation(logPath);
}
