using BenchmarkDotNet.Running;
using SidecarGen.Benchmarks;

// --interleaved: the in-process comparisons of Interleaved.cs; anything else goes to BenchmarkDotNet.
if (args is ["--interleaved"])
{
    Interleaved.Run();
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
