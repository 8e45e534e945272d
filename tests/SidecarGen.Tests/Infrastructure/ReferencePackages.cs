using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace SidecarGen.Tests.Infrastructure;

/// <summary>
/// Resolves the analyzer tests' NuGet references one at a time in the test process: tests running in
/// parallel would otherwise download the same package into the harness's cache at once, and one of them
/// may read it half-extracted and compile without it. And on a cold cache (a fresh CI machine, an empty
/// <c>$TMPDIR/test-packages</c>) the testing library's first resolution of a set downloads its packages
/// but hands back the references without them, and walks their dependencies only part of the way (seen with
/// Serilog.Sinks.File 7.0.0 and Microsoft.Extensions.Logging 8.0.0: every such test of the first run failed
/// with CS0246, every later run passed); so copies of the set are resolved first, until the cache holds
/// everything, and the set itself then resolves from it.
/// </summary>
internal static class ReferencePackages
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<ImmutableArray<MetadataReference>> Resolve(ReferenceAssemblies references)
    {
        await Gate.WaitAsync();
        try
        {
            // Each pass downloads what the last one found missing; it stops when a pass adds nothing. The library
            // interns equal sets and keeps each one's first resolution, so every pass is a set of its own: the same
            // packages, without the reference pack, under another spelling of the target framework.
            var cache = Path.Combine(Path.GetTempPath(), "test-packages");
            for (var pass = 0; pass < Spellings(references.TargetFramework).Length; pass++)
            {
                var before = Directory.Exists(cache) ? Directory.GetDirectories(cache).Length : 0;
                await new ReferenceAssemblies(Spellings(references.TargetFramework)[pass]).AddPackages(references.Packages).ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
                if (Directory.GetDirectories(cache).Length == before)
                {
                    break;
                }
            }

            return await references.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary><paramref name="framework"/> as NuGet reads it (ignoring case), spelt another way for each pass: <c>net8.0</c>, <c>Net8.0</c>, <c>nEt8.0</c>, ...</summary>
    private static string[] Spellings(string framework) =>
        Enumerable.Range(-1, framework.Length + 1)
            .Select(i => i < 0 ? framework : framework[..i] + char.ToUpperInvariant(framework[i]) + framework[(i + 1)..])
            .Distinct(StringComparer.Ordinal)
            .ToArray();
}
