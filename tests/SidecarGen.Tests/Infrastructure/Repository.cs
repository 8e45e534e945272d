using System.Runtime.CompilerServices;

namespace SidecarGen.Tests.Infrastructure;

/// <summary>Files of this repository that tests read: docs, sources, scripts.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    public static string PathOf(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

    private static string Find([CallerFilePath] string caller = "")
    {
        for (var directory = Path.GetDirectoryName(caller); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "SidecarGen.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException("Repository root not found from " + caller);
    }
}
