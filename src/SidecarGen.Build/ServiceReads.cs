using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace SidecarGen.Build;

/// <summary>
/// The extraction's state file in <c>obj/</c>: for each service assembly last read, its size and write
/// time, the description file it gave (empty: no SidecarGen service) and its attribute files. An
/// assembly whose size and write time are unchanged holds the same description, so after an edit to
/// one service the system build opens that service's assembly only. One line a service, tab-separated;
/// the attribute files joined by <see cref="SourceSeparator"/>.
/// </summary>
internal static class ServiceReads
{
    private const char SourceSeparator = '|';

    /// <summary>What one read of a service's assembly gave.</summary>
    public sealed record Entry(string Assembly, long WriteTicks, long Length, string Description, IReadOnlyList<string> Sources)
    {
        /// <summary>
        /// True when <paramref name="assembly"/> is, by size and write time, the file this entry read, and
        /// the description it gave is still at <paramref name="description"/> (a service's place in the
        /// references names its file).
        /// </summary>
        public bool Matches(FileInfo assembly, string description) =>
            assembly.LastWriteTimeUtc.Ticks == WriteTicks && assembly.Length == Length
            && (Description.Length == 0 || (string.Equals(Description, description, StringComparison.Ordinal) && File.Exists(Description)));
    }

    public static Entry Of(FileInfo assembly, string description, IEnumerable<string> sources) =>
        new(assembly.FullName, assembly.LastWriteTimeUtc.Ticks, assembly.Length, description, sources.ToList());

    public static Dictionary<string, Entry> Read(string stateFile)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        if (!File.Exists(stateFile))
        {
            return entries;
        }

        foreach (var fields in File.ReadAllLines(stateFile).Select(line => line.Split('\t')).Where(fields => fields.Length == 5))
        {
            if (long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                entries[fields[0]] = new Entry(fields[0], ticks, length, fields[3], fields[4].Split(new[] { SourceSeparator }, StringSplitOptions.RemoveEmptyEntries));
            }
        }

        return entries;
    }

    public static void Write(string stateFile, IEnumerable<Entry> entries)
    {
        var text = string.Concat(entries.Select(entry =>
            string.Join("\t", entry.Assembly, entry.WriteTicks.ToString(CultureInfo.InvariantCulture), entry.Length.ToString(CultureInfo.InvariantCulture), entry.Description, string.Join(SourceSeparator.ToString(), entry.Sources)) + "\n"));
        AtomicFile.WriteIfChanged(stateFile, new UTF8Encoding(false).GetBytes(text));
    }
}
