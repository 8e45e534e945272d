using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace SidecarGen.Benchmarks;

/// <summary>
/// One call per iteration, each on the fresh input its [IterationSetup] made: the way to measure work
/// whose input a call consumes (a new compilation) without timing the making of that input. With one
/// call per iteration the JIT would still be promoting methods during the measurement, so methods are
/// promoted as soon as they are hot and the warm-up is long enough for all of them.
/// </summary>
internal sealed class SingleInvocationConfig : ManualConfig
{
    public SingleInvocationConfig() => AddJob(Job.Default
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(150)
            .WithIterationCount(200)
            .WithEnvironmentVariable("DOTNET_TC_CallCountingDelayMs", "0"))
        .AddColumn(StatisticColumn.Median);
}
