using Microsoft.Diagnostics.Tracing;

// JitTrace <trace.nettrace>: one tab-separated line per JIT compilation in an EventPipe trace taken
// with the runtime's JIT events (Microsoft-Windows-DotNETRuntime, keyword 0x10, level 5):
//   milliseconds  tier  IL-bytes  type  method  signature
// The time runs from MethodJittingStarted to MethodLoadVerbose of the same method on the same thread:
// the JIT's own work and the type loading it triggers. Compilations that did not finish are left out.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: JitTrace <trace.nettrace>");
    return 2;
}

var started = new Dictionary<(long Method, int Thread), (double At, int ILSize)>();
using var source = new EventPipeEventSource(args[0]);
using var output = new StreamWriter(Console.OpenStandardOutput());
source.Clr.MethodJittingStarted += e => started[(e.MethodID, e.ThreadID)] = (e.TimeStampRelativeMSec, e.MethodILSize);
source.Clr.MethodLoadVerbose += e =>
{
    if (started.Remove((e.MethodID, e.ThreadID), out var start))
    {
        output.WriteLine(string.Join('\t',
            (e.TimeStampRelativeMSec - start.At).ToString("F4", System.Globalization.CultureInfo.InvariantCulture),
            e.OptimizationTier, start.ILSize, e.MethodNamespace, e.MethodName, e.MethodSignature));
    }
};
source.Process();
return 0;
