using Microsoft.CodeAnalysis.Testing;
using SidecarGen.Diagnostics.AppCode;
using SidecarGen.Rules;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Analyzers.AppCode;

/// <summary>
/// SCG0043: a logging sidecar in front of an app that writes no log file (console-only logging, the
/// ASP.NET Core default); silent wherever a file may be written: a file-writing logging library, a
/// provider or sink of the app's own or in a library of it, or a file the app writes at a path that
/// may be in LogPath.
/// </summary>
public sealed class NoLogFileAnalyzerTests
{
    private const string Logging = """

        [SidecarGen.SidecarService("orders")]
        [{|#0:SidecarGen.LoggingSidecar(LogPath = "/var/log/app")|}]
        public partial class Program { }
        """;

    private const string Silent = """

        [SidecarGen.SidecarService("orders")]
        [SidecarGen.LoggingSidecar(LogPath = "/var/log/app")]
        public partial class Program { }
        """;

    [Fact]
    public Task Fires_at_the_sidecar_for_an_app_that_logs_to_the_console() => Verify<NoLogFileAnalyzer>.WebApp(
        ["""
        using Microsoft.Extensions.Logging;
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        builder.Logging.ClearProviders().AddJsonConsole();
        System.IO.File.WriteAllText("/tmp/started", "yes");
        builder.Build().Run();
        """ + Logging],
        [Expected().WithMessage("The 'logging' agent ships the *.log files the app writes in /var/log/app, and this app writes none: its logs go to the console (or over OTLP), so the sidecar ships nothing; write *.log files into LogPath (for example Serilog's WriteTo.File(\"/var/log/app/app.log\", ...)), or remove [LoggingSidecar] and let the cluster's node agent collect the container's console output")]);

    [Fact]
    public Task Fires_for_serilog_writing_to_the_console_only() => Verify<NoLogFileAnalyzer>.WebAppUsing(
        AppPackages.SerilogConsole,
        ["""
        using Serilog;
        Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();
        Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args).Build().Run();
        """ + Logging],
        [Expected()]);

    [Fact]
    public Task Silent_with_serilogs_file_sink() => Verify<NoLogFileAnalyzer>.WebAppUsing(
        AppPackages.SerilogFile,
        ["""
        using Serilog;
        Log.Logger = new LoggerConfiguration().WriteTo.File("/var/log/app/orders.log").CreateLogger();
        Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args).Build().Run();
        """ + Silent],
        []);

    [Fact]
    public Task Silent_with_nlog_whose_targets_are_in_its_own_configuration() => Verify<NoLogFileAnalyzer>.WebAppUsing(
        [AppPackages.NLog],
        ["""
        var logger = NLog.LogManager.GetCurrentClassLogger();
        logger.Info("starting");
        Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args).Build().Run();
        """ + Silent],
        []);

    [Fact]
    public Task Silent_with_a_logger_provider_of_the_apps_own_in_another_file() => Verify<NoLogFileAnalyzer>.WebApp(
        ["""
        using Microsoft.Extensions.Logging;
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        builder.Logging.AddProvider(new FileLoggerProvider());
        builder.Build().Run();
        """ + Silent,
        """
        using Microsoft.Extensions.Logging;
        internal sealed class FileLoggerProvider : ILoggerProvider
        {
            public ILogger CreateLogger(string categoryName) => Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

            public void Dispose()
            {
            }
        }
        """],
        []);

    [Fact]
    public Task Silent_when_the_app_writes_a_file_at_a_path_it_reads_or_in_log_path() => Verify<NoLogFileAnalyzer>.WebApp(
        ["""
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        using var log = new System.IO.StreamWriter(builder.Configuration["LogFile"]!, append: true);
        builder.Build().Run();
        """ + Silent],
        []);

    [Fact]
    public Task Silent_when_the_app_appends_to_a_file_in_log_path() => Verify<NoLogFileAnalyzer>.WebApp(
        ["""
        System.IO.File.AppendAllText("/var/log/app/orders.log", "started\n");
        Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args).Build().Run();
        """ + Silent],
        []);

    [Fact]
    public Task Silent_without_a_logging_sidecar() => Verify<NoLogFileAnalyzer>.WebApp(
        ["""
        Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args).Build().Run();

        [SidecarGen.SidecarService("orders")]
        [SidecarGen.MetricsSidecar]
        public partial class Program { }
        """],
        []);

    [Fact]
    public async Task Silent_when_a_library_of_the_app_defines_a_logger_provider()
    {
        var test = new LibraryTest();
        await ReferencePackages.Resolve(test.ReferenceAssemblies);
        await test.RunAsync();
    }

    private static DiagnosticResult Expected() =>
        new DiagnosticResult(DiagnosticDescriptors.NoLogFile.Id, DiagnosticDescriptors.NoLogFile.DefaultSeverity).WithLocation(0);

    /// <summary>The app calls a ServiceDefaults-like library that defines a logger provider, which may write files.</summary>
    private sealed class LibraryTest : Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<NoLogFileAnalyzer, DefaultVerifier>
    {
        public LibraryTest()
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80.AddPackages([new PackageIdentity("Microsoft.Extensions.Logging", "8.0.0")]);
            TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            TestState.Sources.Add("""
                System.GC.KeepAlive(new ServiceDefaults.RollingFileProvider());
                """ + Silent);
            TestState.AdditionalReferences.Add(typeof(SidecarServiceAttribute).Assembly);
            TestState.AdditionalProjectReferences.Add("ServiceDefaults");
            var library = new ProjectState("ServiceDefaults", Microsoft.CodeAnalysis.LanguageNames.CSharp, "/ServiceDefaults/Test", "cs");
            library.Sources.Add("""
                namespace ServiceDefaults;
                public sealed class RollingFileProvider : Microsoft.Extensions.Logging.ILoggerProvider
                {
                    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

                    public void Dispose()
                    {
                    }
                }
                """);
            TestState.AdditionalProjects.Add("ServiceDefaults", library);
        }
    }
}
