using System.Runtime.Loader;
using BenchmarkDotNet.Running;
using SidecarGen.Benchmarks;

// SidecarGen.csproj hands SidecarGen.Abstractions.dll on as the generator's own dependency, not a runtime one,
// so this program's deps.json leaves it out; it lies beside the program. (BenchmarkDotNet's runs build a
// project of their own and find it without this.)
AssemblyLoadContext.Default.Resolving += (context, name) =>
    name.Name == "SidecarGen.Abstractions" ? context.LoadFromAssemblyPath(Path.Combine(AppContext.BaseDirectory, name.Name + ".dll")) : null;

// --interleaved [analyzers [options]]: the in-process comparisons of Interleaved.cs; anything else goes to BenchmarkDotNet.
if (args is ["--interleaved", ..])
{
    Interleaved.Run(Interleaved.Options.Parse(args.Skip(1).ToArray()));
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
