using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Rules;
using SidecarGen.Sidecars.Logging;

namespace SidecarGen.Diagnostics.AppCode;

/// <summary>
/// SCG0033: a Serilog file sink (<c>WriteTo.File</c>, <c>AuditTo.File</c>) beside a <c>[LoggingSidecar]</c>
/// that writes where the agent does not tail (anything but a <c>*.log</c> directly in <c>LogPath</c>),
/// or that can grow past the shared log volume's size limit (no <c>fileSizeLimitBytes</c>, or rolling
/// with no <c>retainedFileCountLimit</c>, or more files of that size than the volume holds): the kubelet
/// then evicts the Pod. Only constant paths and limits are judged (Serilog.Sinks.File's own defaults
/// included, as the called overload declares them); a path from configuration or a relative path says nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LogFileAnalyzer : AppCodeAnalyzer
{
    // Serilog.Sinks.File's parameters (FileLoggerConfigurationExtensions at v7.0.0).
    private const string Path = "path";
    private const string FileSizeLimitBytes = "fileSizeLimitBytes";
    private const string RetainedFileCountLimit = "retainedFileCountLimit";
    private const string RollingInterval = "rollingInterval";
    private const string RollOnFileSizeLimit = "rollOnFileSizeLimit";

    // RollingInterval.Infinite: one file, never rolled.
    private const int Infinite = 0;


    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnshippedLogFile);

    private protected override void Start(CompilationStartAnalysisContext start, AppService service)
    {
        var logging = LoggingSidecars(service.Declaration);
        if (logging.Count == 0 || service.Symbols.Type(WellKnownTypes.SerilogFileSinkExtensions) is not { } sink)
        {
            return;
        }

        start.RegisterOperationAction(
            context =>
            {
                var invocation = (IInvocationOperation)context.Operation;
                if (!invocation.Calls(sink, "File") || DevelopmentOnly.Contains(invocation, service.Symbols)
                    || invocation.Argument(Path) is not { } pathArgument || ConstantResolver.String(pathArgument) is not { } path || !path.StartsWith("/", System.StringComparison.Ordinal))
                {
                    return;
                }

                var sidecar = Tailing(logging, path);
                var message = sidecar is null
                    ? $"Serilog writes '{path}', which the '{logging[0].Options.Common.Name}' agent never ships: it tails only {LogPath(logging[0])}/*.log; write a *.log file directly in LogPath"
                    : Unbounded(invocation, ((LoggingOptions)sidecar.Options).VolumeSizeLimit);
                if (message is not null)
                {
                    var culprit = sidecar ?? logging[0];
                    context.ReportDiagnostic(AppService.Disagreement(
                        DiagnosticDescriptors.UnshippedLogFile,
                        (sidecar is null ? pathArgument : invocation).Syntax.GetLocation(),
                        service.Argument(culprit.Ordinal, nameof(LoggingSidecarAttribute.LogPath), context.CancellationToken),
                        message));
                }
            },
            OperationKind.Invocation);
    }

    /// <summary>Why the sink can fill the log volume of <paramref name="volume"/> (its <c>VolumeSizeLimit</c>), or null when it cannot (or its limits are not constants).</summary>
    private static string? Unbounded(IInvocationOperation invocation, string volume)
    {
        if (Quantities.MemoryBytes(volume) is not { } volumeBytes
            || !TryLimit(invocation.Argument(FileSizeLimitBytes), out var size)
            || !TryRolls(invocation, out var rolls)
            || !TryLimit(invocation.Argument(RetainedFileCountLimit), out var count))
        {
            return null;
        }

        if (size is null)
        {
            return $"This Serilog file has no size limit (fileSizeLimitBytes) and fills the {volume} log volume: the kubelet then evicts the Pod; set fileSizeLimitBytes, rollOnFileSizeLimit: true and retainedFileCountLimit so that their product stays under {volume}";
        }

        if (rolls && count is null)
        {
            return $"This Serilog file rolls with no retainedFileCountLimit and fills the {volume} log volume: the kubelet then evicts the Pod; set retainedFileCountLimit so that it times fileSizeLimitBytes stays under {volume}";
        }

        var files = rolls ? count!.Value : 1;
        return files > volumeBytes / size.Value
            ? $"This Serilog file keeps up to {files.ToString(CultureInfo.InvariantCulture)} × {size.Value.ToString(CultureInfo.InvariantCulture)} bytes, more than the {volume} log volume holds: the kubelet then evicts the Pod; lower fileSizeLimitBytes or retainedFileCountLimit so that their product stays under {volume}"
            : null;
    }

    /// <summary>
    /// A limit's value: a number, or null for none (an explicit <c>null</c>, or an overload without the parameter).
    /// False when the value is not a constant.
    /// </summary>
    private static bool TryLimit(IOperation? operation, out long? limit)
    {
        limit = null;
        for (var value = operation; value is not null; value = (value as IConversionOperation)?.Operand)
        {
            if (value.ConstantValue.HasValue)
            {
                switch (value.ConstantValue.Value)
                {
                    case null:
                        return true;
                    case int number:
                        limit = number;
                        return true;
                    case long number:
                        limit = number;
                        return true;
                    default:
                        return false;
                }
            }

            if (value is not IConversionOperation)
            {
                return false;
            }
        }

        return operation is null;
    }

    /// <summary>The file rolls (by time or size); an overload without those parameters never does. False when not constant.</summary>
    private static bool TryRolls(IInvocationOperation invocation, out bool rolls)
    {
        rolls = false;
        var interval = invocation.Argument(RollingInterval);
        var onSize = invocation.Argument(RollOnFileSizeLimit);
        if ((interval is not null && ConstantResolver.Int(interval) is null) || (onSize is not null && onSize.ConstantValue.Value is not bool))
        {
            return false;
        }

        rolls = (interval is not null && ConstantResolver.Int(interval) != Infinite) || onSize?.ConstantValue.Value is true;
        return true;
    }

    /// <summary>The logging sidecar whose agent tails the file at <paramref name="path"/>, or null.</summary>
    private static SidecarDeclaration? Tailing(List<SidecarDeclaration> logging, string path)
    {
        foreach (var sidecar in logging)
        {
            if (LogAgentContext.Tails(LogPath(sidecar), path))
            {
                return sidecar;
            }
        }

        return null;
    }

    private static string LogPath(SidecarDeclaration sidecar) => ((LoggingOptions)sidecar.Options).LogPath.TrimEnd('/');

    private static List<SidecarDeclaration> LoggingSidecars(ServiceDeclaration declaration)
    {
        var logging = new List<SidecarDeclaration>();
        foreach (var sidecar in declaration.Sidecars)
        {
            if (sidecar.Options is LoggingOptions)
            {
                logging.Add(sidecar);
            }
        }

        return logging;
    }
}
