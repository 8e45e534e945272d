using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SidecarGen.Rules;
using SidecarGen.Sidecars.Logging;

namespace SidecarGen.Diagnostics.AppCode;

/// <summary>
/// SCG0043: a <c>[LoggingSidecar]</c> in front of an app that writes no log file. The agent only tails
/// <c>*.log</c> files in <c>LogPath</c>; an app that logs to the console (ASP.NET Core's default) gives it
/// nothing to ship. Certain only when nothing could write a file: no logging library that writes files or
/// reads its targets from configuration (<see cref="LogFileWriters.Assemblies"/>), in the app or a library
/// of it; no logger provider or Serilog sink of the app's own, nor an unknown one in a library; and no
/// file the app writes itself whose path is not a constant outside <c>LogPath</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoLogFileAnalyzer : AppCodeAnalyzer
{
    // System.IO's members that open a file for writing, and the constructors that take a file's path.
    private static readonly string[] FileWrites =
    {
        "AppendAllText", "AppendAllTextAsync", "AppendAllLines", "AppendAllLinesAsync", "AppendText", "WriteAllText",
        "WriteAllTextAsync", "WriteAllLines", "WriteAllLinesAsync", "WriteAllBytes", "WriteAllBytesAsync", "Create",
        "CreateText", "Open", "OpenWrite", "OpenHandle",
    };

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.NoLogFile);

    private protected override void Start(CompilationStartAnalysisContext start, AppService service)
    {
        var symbols = service.Symbols;
        var provider = symbols.Type(WellKnownTypes.LoggerProvider);
        var sink = symbols.Type(WellKnownTypes.SerilogSink);
        if (service.Sidecar<LoggingOptions>() is not { } sidecar || provider is null || MayWriteUnseen(start.Compilation, provider, sink))
        {
            return;
        }

        var logPath = ((LoggingOptions)sidecar.Options).LogPath.TrimEnd('/') + "/";
        var file = symbols.Type(WellKnownTypes.File);
        var writers = new[] { symbols.Type(WellKnownTypes.FileStream), symbols.Type(WellKnownTypes.StreamWriter), symbols.Type(WellKnownTypes.FileInfo) };
        var writes = new Flag();
        start.RegisterSymbolAction(
            context =>
            {
                if (LogFileWriters.IsWriter((INamedTypeSymbol)context.Symbol, provider, sink))
                {
                    writes.Set = true;
                }
            },
            SymbolKind.NamedType);
        start.RegisterOperationAction(
            context =>
            {
                var path = context.Operation switch
                {
                    IInvocationOperation invocation when IsFileWrite(invocation, file) => invocation.Arguments[0].Value,
                    IObjectCreationOperation { Constructor: { } constructor } creation when IsAny(constructor.ContainingType, writers)
                        && creation.Arguments.Length > 0 && creation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String => creation.Arguments[0].Value,
                    _ => null,
                };

                // A constant absolute path outside LogPath is a file of another kind; any other may hold the app's logs.
                if (path is not null && !(ConstantResolver.String(path) is { } constant && constant.StartsWith("/", System.StringComparison.Ordinal) && !constant.StartsWith(logPath, System.StringComparison.Ordinal)))
                {
                    writes.Set = true;
                }
            },
            OperationKind.Invocation,
            OperationKind.ObjectCreation);

        start.RegisterCompilationEndAction(context =>
        {
            if (writes.Set)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.NoLogFile,
                FindingLocator.Locate(service.EntryPoint, sidecar.Ordinal, null, null, context.CancellationToken),
                $"The '{sidecar.Name}' agent ships the *.log files the app writes in {logPath.TrimEnd('/')}, and this app writes none: its logs go to the console (or over OTLP), so the sidecar ships nothing; write *.log files into LogPath (for example Serilog's WriteTo.File(\"{logPath}app.log\", ...)), or remove [LoggingSidecar] and let the cluster's node agent collect the container's console output"));
        });
    }

    /// <summary>Something the analyzer cannot read may write log files: a file-writing logging library, or an unknown logger provider or sink in a library.</summary>
    private static bool MayWriteUnseen(Compilation compilation, INamedTypeSymbol provider, INamedTypeSymbol? sink)
    {
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (System.Array.IndexOf(LogFileWriters.Assemblies, assembly.Identity.Name) >= 0 || LogFileWriters.MayWrite(assembly, provider, sink))
            {
                return true;
            }
        }

        return ReferencedLibraries.Reference(compilation, LogFileWriters.Assemblies);
    }

    private static bool IsFileWrite(IInvocationOperation invocation, INamedTypeSymbol? file) =>
        System.Array.IndexOf(FileWrites, invocation.TargetMethod.Name) >= 0
        && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, file)
        && invocation.Arguments.Length > 0;

    private static bool IsAny(INamedTypeSymbol type, INamedTypeSymbol?[] types)
    {
        foreach (var candidate in types)
        {
            if (SymbolEqualityComparer.Default.Equals(type, candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Set from concurrent actions; only ever turns on.</summary>
    private sealed class Flag
    {
        public volatile bool Set;
    }
}
