using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace SidecarGen.Build;

/// <summary>
/// The state file in <c>obj/</c>: the full paths of the files SidecarGen wrote, one a line. It is what
/// lets the task remove a manifest it no longer generates without ever touching a file it did not write.
/// </summary>
internal static class OwnedFiles
{
    public static IReadOnlyList<string> Read(string stateFile) =>
        File.Exists(stateFile)
            ? File.ReadAllLines(stateFile).Where(line => line.Length > 0).ToList()
            : (IReadOnlyList<string>)Array.Empty<string>();

    public static void Write(string stateFile, IEnumerable<string> paths)
    {
        var text = string.Concat(paths.OrderBy(path => path, StringComparer.Ordinal).Select(path => path + "\n"));
        AtomicFile.WriteIfChanged(stateFile, new UTF8Encoding(false).GetBytes(text));
    }

    /// <summary>Deletes a file SidecarGen wrote, then the folders it leaves empty, up to (not including) <paramref name="root"/>.</summary>
    public static bool Remove(string path, string root)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        var rootFull = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        for (var directory = Path.GetDirectoryName(path); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            var full = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
            if (full.Length <= rootFull.Length || !full.StartsWith(rootFull, StringComparison.Ordinal) || Directory.EnumerateFileSystemEntries(full).Any())
            {
                break;
            }

            Directory.Delete(full);
        }

        return true;
    }
}
