using System;
using System.IO;
using System.Linq;

namespace SidecarGen.Build;

/// <summary>
/// Writes a file so that readers never see it half-written (temp file in the same folder, then a
/// rename) and only when its bytes change, so an unchanged manifest keeps its timestamp.
/// </summary>
internal static class AtomicFile
{
    /// <returns>True when the file was written, false when it already held these bytes.</returns>
    public static bool WriteIfChanged(string path, byte[] content)
    {
        if (File.Exists(path) && new FileInfo(path).Length == content.Length && File.ReadAllBytes(path).SequenceEqual(content))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            File.WriteAllBytes(temp, content);
            if (File.Exists(path))
            {
                File.Replace(temp, path, destinationBackupFileName: null);
            }
            else
            {
                File.Move(temp, path);
            }
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }

        return true;
    }
}
