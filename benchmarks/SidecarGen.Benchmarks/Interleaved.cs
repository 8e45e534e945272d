using System.Diagnostics;
using Microsoft.CodeAnalysis;

namespace SidecarGen.Benchmarks;

/// <summary>
/// The two comparisons that this machine's drift blurs across BenchmarkDotNet's separate processes,
/// made in one process instead: SidecarGen and its reference run alternately, round after round (which
/// goes first alternates too), each after a full collection, and each row gives both medians and the
/// median of the paired differences with a distribution-free 95% confidence interval.
///   dotnet run -c Release --project benchmarks/SidecarGen.Benchmarks -- --interleaved [analyzers [options]]
/// The analyzer rows take options, to find which rule costs what (see <see cref="Options"/>).
/// </summary>
internal static class Interleaved
{
    private static readonly int[] FileCounts = { 1, 100, 2000 };

    public static void Run(Options options)
    {
        Console.WriteLine($"{"comparison",-44} {"files",5} {"rounds",6} {"SidecarGen",11} {"reference",11}   added: median of the pairs [95% CI]");
        foreach (var files in options.AnalyzersOnly ? Array.Empty<int>() : FileCounts)
        {
            var workload = new Workload(files);
            var sidecarGen = workload.WarmDriver(new SidecarGenerator());
            var floor = workload.WarmDriver(new ReferenceGenerators.BindingFloor());
            // The first size also warms the process: until the JIT has promoted Roslyn's and SidecarGen's
            // hot methods, the rounds measure the JIT rather than the generators.
            Compare("generator re-run vs binding floor, us", files, warmup: files == FileCounts[0] ? 1500 : 200, rounds: 400, scale: 1,
                () => RerunAfterUnrelatedEdit(workload, sidecarGen),
                () => RerunAfterUnrelatedEdit(workload, floor));
        }

        // The web app gives the rules that read the app's code (SCG0028 onward) routes, listeners and calls to read.
        var analyzers = AnalyzerRuns.SidecarGenOnly(options.Only);
        var reference = options.OperationsReference ? AnalyzerRuns.DoNothingOnOperations : AnalyzerRuns.DoNothing;
        if (options.Only.Count > 0 || options.OperationsReference)
        {
            Console.WriteLine($"SidecarGen: {string.Join(", ", analyzers.Select(analyzer => analyzer.GetType().Name))}; reference: {(options.OperationsReference ? "do-nothing analyzer on every invocation" : "do-nothing analyzer")}");
        }

        foreach (var (what, web) in new[] { ("analyzers vs do-nothing analyzer, ms", false), ("same, service as an ASP.NET Core app, ms", true) })
        {
            foreach (var files in options.Files ?? FileCounts)
            {
                var workload = new Workload(files, web);
                if (options.Document)
                {
                    // Program.cs, the file the rules find the most in, of the whole project: many rounds, as for one file.
                    Compare(web ? "same, ASP.NET Core app, Program.cs alone, ms" : "analyzers on Program.cs alone, ms", files, warmup: 20, rounds: 200 * options.RoundsFactor, scale: 1000,
                        () => Time(() => AnalyzerRuns.RunOnDocument(workload.Compilation, workload.Compilation.SyntaxTrees.First(), analyzers)),
                        () => Time(() => AnalyzerRuns.RunOnDocument(workload.Compilation, workload.Compilation.SyntaxTrees.First(), reference)));
                    continue;
                }

                Compare(what, files, warmup: 2, rounds: (files >= 2000 ? 10 : files >= 100 ? 30 : 200) * options.RoundsFactor, scale: 1000,
                    () => Time(() => AnalyzerRuns.Run(workload.Compilation, analyzers)),
                    () => Time(() => AnalyzerRuns.Run(workload.Compilation, reference)));
            }
        }
    }

    /// <summary>
    /// What <c>--interleaved</c> runs. <c>analyzers</c>: only the analyzer rows. Then, for those rows:
    /// <c>--only A,B</c> runs only SidecarGen's analyzers of those type names (one rule's cost);
    /// <c>--reference operations</c> compares with a do-nothing analyzer that also asks for every
    /// invocation (the driver then builds every method body's operations, which any analyzer that reads
    /// operations pays); <c>--files 1,2000</c> picks the sizes; <c>--rounds-factor 3</c> runs three times the rounds;
    /// <c>--document Program.cs</c> analyzes that file alone, as the IDE does the open document after an edit.
    /// </summary>
    internal sealed record Options(bool AnalyzersOnly, IReadOnlyCollection<string> Only, bool OperationsReference, int[]? Files, int RoundsFactor, bool Document = false)
    {
        public static Options Parse(string[] args)
        {
            var options = new Options(AnalyzersOnly: args is ["analyzers", ..], Only: Array.Empty<string>(), OperationsReference: false, Files: null, RoundsFactor: 1);
            for (var i = options.AnalyzersOnly ? 1 : 0; i < args.Length; i += 2)
            {
                var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
                options = args[i] switch
                {
                    "--only" => options with { Only = value.Split(',') },
                    "--reference" when value == "operations" => options with { OperationsReference = true },
                    "--files" => options with { Files = value.Split(',').Select(int.Parse).ToArray() },
                    "--rounds-factor" => options with { RoundsFactor = int.Parse(value) },
                    "--document" when value == "Program.cs" => options with { Document = true },
                    _ => throw new ArgumentException($"unknown option {args[i]} {value}: see Interleaved.Options"),
                };
            }

            if (!options.AnalyzersOnly && (options.Only.Count > 0 || options.OperationsReference || options.Files is not null || options.RoundsFactor != 1 || options.Document))
            {
                throw new ArgumentException("the options apply to the analyzer rows: --interleaved analyzers [options]");
            }

            var unknown = options.Only.Except(AnalyzerRuns.SidecarGen.Select(analyzer => analyzer.GetType().Name)).ToList();
            return unknown.Count == 0 ? options : throw new ArgumentException($"no SidecarGen analyzer named {string.Join(", ", unknown)}");
        }
    }

    /// <summary>A new compilation, made before the clock starts, as in <see cref="GeneratorBenchmarks"/>.</summary>
    private static double RerunAfterUnrelatedEdit(Workload workload, GeneratorDriver driver)
    {
        var next = workload.UnrelatedEdit();
        return Time(() => driver.RunGenerators(next));
    }

    private static double Time(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMicroseconds;
    }

    private static void Compare(string what, int files, int warmup, int rounds, double scale, Func<double> sidecarGen, Func<double> reference)
    {
        var ours = new List<double>();
        var theirs = new List<double>();
        for (var round = 0; round < warmup + rounds; round++)
        {
            double a, b;
            if (round % 2 == 0)
            {
                a = sidecarGen();
                b = reference();
            }
            else
            {
                b = reference();
                a = sidecarGen();
            }

            if (round >= warmup)
            {
                ours.Add(a / scale);
                theirs.Add(b / scale);
            }
        }

        var (added, low, high) = MedianWithInterval(ours.Zip(theirs, (a, b) => a - b).ToList());
        Console.WriteLine($"{what,-44} {files,5} {rounds,6} {Median(ours),11:F1} {Median(theirs),11:F1}   {added:+0.0;-0.0} [{low:+0.0;-0.0}, {high:+0.0;-0.0}]");
    }

    private static double Median(IEnumerable<double> values) => MedianWithInterval(values.ToList()).Median;

    /// <summary>
    /// The median and its distribution-free 95% confidence interval: the order statistics k and n+1-k,
    /// with k the largest rank whose binomial(n, 1/2) tail is at most 2.5%.
    /// </summary>
    private static (double Median, double Low, double High) MedianWithInterval(List<double> values)
    {
        values.Sort();
        var n = values.Count;
        var median = n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
        double tail = 0, term = Math.Pow(0.5, n);
        var k = 0;
        for (var i = 0; i < n; i++)
        {
            tail += term;
            if (tail > 0.025)
            {
                break;
            }

            k = i + 1;
            term = term * (n - i) / (i + 1);
        }

        return k == 0 ? (median, double.NaN, double.NaN) : (median, values[k - 1], values[n - k]);
    }
}
