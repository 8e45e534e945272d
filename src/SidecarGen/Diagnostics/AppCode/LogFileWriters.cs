using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace SidecarGen.Diagnostics.AppCode;

/// <summary>
/// What may write the app's logs to files without a call the analyzers can read (SCG0043): a logging
/// library that writes files or reads its targets from configuration, and any logger provider or Serilog
/// sink the analyzers do not know, in a library of the app. Console-only libraries are known by name.
/// </summary>
internal static class LogFileWriters
{
    /// <summary>
    /// Assemblies whose presence means files may be written: NLog and log4net (targets in their own XML
    /// configuration), Serilog's file sinks and its configuration readers (<c>ReadFrom.Configuration</c>
    /// adds sinks named in appsettings.json), and the Azure App Service file logger.
    /// </summary>
    public static readonly string[] Assemblies =
    {
        "NLog", "log4net", "Serilog.Sinks.File", "Serilog.Sinks.RollingFile", "Serilog.Settings.Configuration",
        "Serilog.Settings.AppSettings", "Microsoft.Extensions.Logging.AzureAppServices",
    };

    // Libraries whose logger providers or sinks write no file: OpenTelemetry's (it exports over OTLP), Serilog's
    // own, its Microsoft.Extensions.Logging bridge and host glue, and its console and debug sinks.
    private static readonly string[] ConsoleOnly =
    {
        "Serilog", "Serilog.Extensions.Logging", "Serilog.Extensions.Hosting", "Serilog.Sinks.Console", "Serilog.Sinks.Debug",
    };

    private const string OpenTelemetryPrefix = "OpenTelemetry";

    // Where ILoggerProvider and ILogEventSink are declared: an implementation references one of them.
    private const string ProviderAssembly = "Microsoft.Extensions.Logging.Abstractions";
    private const string SinkAssembly = "Serilog";

    private static readonly ConditionalWeakTable<IAssemblySymbol, StrongBox<bool>> Writers = new();

    /// <summary>The assembly is no framework's and defines a logger provider or a Serilog sink that is not known to be console-only.</summary>
    public static bool MayWrite(IAssemblySymbol assembly, INamedTypeSymbol? provider, INamedTypeSymbol? sink)
    {
        var name = assembly.Identity.Name;
        if (ReferencedLibraries.IsFramework(name) || name.StartsWith(OpenTelemetryPrefix, System.StringComparison.Ordinal) || System.Array.IndexOf(ConsoleOnly, name) >= 0)
        {
            return false;
        }

        // A referenced assembly's types do not change within a session, so each is searched once, and only if it can implement either.
        return Writers.GetValue(assembly, a => new StrongBox<bool>(References(a, ProviderAssembly, SinkAssembly) && Defines(a.GlobalNamespace, provider, sink))).Value;
    }

    /// <summary>The type implements <c>ILoggerProvider</c> or Serilog's <c>ILogEventSink</c>.</summary>
    public static bool IsWriter(INamedTypeSymbol type, INamedTypeSymbol? provider, INamedTypeSymbol? sink) =>
        type.TypeKind == TypeKind.Class && (type.IsOrInherits(provider) || type.IsOrInherits(sink));

    private static bool Defines(INamespaceOrTypeSymbol scope, INamedTypeSymbol? provider, INamedTypeSymbol? sink)
    {
        foreach (var member in scope.GetMembers())
        {
            if (member is INamespaceSymbol inner ? Defines(inner, provider, sink)
                : member is INamedTypeSymbol type && (IsWriter(type, provider, sink) || Defines(type, provider, sink)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool References(IAssemblySymbol assembly, string first, string second)
    {
        foreach (var module in assembly.Modules)
        {
            foreach (var referenced in module.ReferencedAssemblies)
            {
                if (referenced.Name == first || referenced.Name == second)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
