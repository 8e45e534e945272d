using System.Runtime.CompilerServices;
using System.Text;

namespace SidecarGen.Tests.Infrastructure;

/// <summary>
/// Reviewed snapshots of generated files, kept in <c>tests/SidecarGen.Tests/_snapshots/&lt;case&gt;/</c>.
/// A difference fails the test; run with <c>SIDECARGEN_UPDATE_SNAPSHOTS=1</c> to rewrite them, then
/// review the diff in git before committing. Files are compared to the character, as UTF-8 without a
/// byte order mark; a mismatch fails with a line diff of every differing file and lists the missing
/// and extra ones.
/// </summary>
internal static class Snapshots
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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
                File.WriteAllBytes(target, Utf8.GetBytes(content));
            }

            return;
        }

        Assert.True(Directory.Exists(folder), $"No snapshot at {folder}; run the tests with SIDECARGEN_UPDATE_SNAPSHOTS=1 and review it.");
        var expected = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(file => Path.GetRelativePath(folder, file).Replace('\\', '/'), file => Utf8.GetString(File.ReadAllBytes(file)));
        var differences = Differences(snapshotCase, expected, files);
        if (differences.Length > 0)
        {
            Assert.Fail($"{snapshotCase} differs from its snapshot (rewrite it with SIDECARGEN_UPDATE_SNAPSHOTS=1, then review the diff in git):\n{differences}");
        }
    }

    /// <summary>The missing and extra files, then a unified line diff per differing file; empty when all match.</summary>
    private static string Differences(string snapshotCase, IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual)
    {
        var report = new StringBuilder();
        foreach (var path in expected.Keys.Except(actual.Keys).Order(StringComparer.Ordinal))
        {
            report.Append($"missing file {path}: in the snapshot, not generated\n");
        }

        foreach (var path in actual.Keys.Except(expected.Keys).Order(StringComparer.Ordinal))
        {
            report.Append($"extra file {path}: generated, not in the snapshot\n");
        }

        foreach (var path in actual.Keys.Intersect(expected.Keys).Order(StringComparer.Ordinal).Where(path => expected[path] != actual[path]))
        {
            report.Append($"--- _snapshots/{snapshotCase}/{path}\n+++ generated {path}\n").Append(LineDiff.Unified(expected[path], actual[path]));
        }

        return report.ToString();
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
