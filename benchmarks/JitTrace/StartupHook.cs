using System.Globalization;
using System.Runtime;

/// <summary>
/// Loaded into a process by DOTNET_STARTUP_HOOKS (the process's own Main is unaffected): when the
/// process exits, appends "pid methods IL-bytes JIT-ms" (System.Runtime.JitInfo, all threads) to the
/// file named by JIT_TRACE_TOTALS, if that variable is set.
/// </summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        var path = Environment.GetEnvironmentVariable("JIT_TRACE_TOTALS");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.AppendAllText(path, string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessId} {JitInfo.GetCompiledMethodCount()} {JitInfo.GetCompiledILBytes()} {JitInfo.GetCompilationTime().TotalMilliseconds:F1}\n"));
    }
}
