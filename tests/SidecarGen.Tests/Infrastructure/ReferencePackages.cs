using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace SidecarGen.Tests.Infrastructure;

/// <summary>
/// Resolves the analyzer tests' NuGet references one at a time in the test process: tests running in
/// parallel would otherwise download the same package into the harness's cache at once, and one of them
/// may read it half-extracted and compile without it.
/// </summary>
internal static class ReferencePackages
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<ImmutableArray<MetadataReference>> Resolve(ReferenceAssemblies references)
    {
        await Gate.WaitAsync();
        try
        {
            return await references.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        }
        finally
        {
            Gate.Release();
        }
    }
}
