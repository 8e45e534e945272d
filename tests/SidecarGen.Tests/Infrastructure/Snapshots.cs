using System.Runtime.CompilerServices;

namespace SidecarGen.Tests.Infrastructure;

/// <summary>
/// Reviewed snapshots of generated files, kept in <c>tests/SidecarGen.Tests/_snapshots/&lt;case&gt;/</c>.
/// A difference fails the test; run with <c>SIDECARGEN_UPDATE_SNAPSHOTS=1</c> to rewrite them, then
/// review the diff in git before committing.
/// </summary>
internal static class Snapshots
{
    public static void Match(string snapshotCase, IReadOnlyDictionary<string, string> files, [CallerFilePath] string caller = "")
    {
        var folder = Path.Combine(TestsFolder(caller), "_snapshots", snapshotCase);
        if (Environment.GetEnvironmentVariable("SIDECARGEN_UPDATE_SNAPSHOTS") == "1")
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            foreach (var (path, content) in files)
            {
                var target = Path.Combine(folder, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, content);
            }

            return;
        }

        Assert.True(Directory.Exists(folder), $"No snapshot at {folder}; run the tests with SIDECARGEN_UPDATE_SNAPSHOTS=1 and review it.");
        var expected = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(file => Path.GetRelativePath(folder, file).Replace('\\', '/'), File.ReadAllText);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), files.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, content) in files)
        {
            Assert.True(expected[path] == content, $"{snapshotCase}/{path} differs from its snapshot:\n{content}");
        }
    }

    private static string TestsFolder(string caller)
    {
        for (var directory = Path.GetDirectoryName(caller); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "SidecarGen.Tests.csproj")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException("Cannot find the SidecarGen.Tests folder from " + caller);
    }
}
