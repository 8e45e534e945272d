using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace SidecarGen.Build;

/// <summary>
/// Writes the manifests the generator embedded in the compiled assembly into the output folder:
/// atomically, only what changed, removing what SidecarGen wrote before and no longer generates,
/// and never touching any other file.
/// </summary>
public sealed class WriteSidecarManifests : Task
{
    /// <summary>The warning that a build removed every manifest an earlier one wrote.</summary>
    public const string NoManifestsLeft = "SCG0044";

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The compiled assembly (in obj/) carrying the generator's output.</summary>
    [Required]
    public string AssemblyPath { get; set; } = string.Empty;

    /// <summary>The folder that receives <c>kubernetes/</c> and <c>compose/</c>.</summary>
    [Required]
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary>The file in obj/ listing what SidecarGen wrote.</summary>
    [Required]
    public string StateFile { get; set; } = string.Empty;

    /// <summary>The file in obj/ that keeps what a system's build prints (its host ports), so a build that skips the write prints it too.</summary>
    public string? SummaryFile { get; set; }

    /// <summary>Every file SidecarGen owns after this run, full paths.</summary>
    [Output]
    public ITaskItem[] WrittenFiles { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>True when an SCG error kept the manifests from being updated: the build must not count them as current.</summary>
    [Output]
    public bool Blocked { get; private set; }

    /// <inheritdoc/>
    public override bool Execute()
    {
        try
        {
            return Run();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            Log.LogError(null, "SCG1002", null, null, 0, 0, 0, 0, "SidecarGen: could not write the manifests to '{0}': {1}", OutputDirectory, exception.Message);
            return false;
        }
    }

    private bool Run()
    {
        var embedded = EmbeddedManifestReader.Read(AssemblyPath);
        var previous = OwnedFiles.Read(StateFile);
        if (embedded.Status == ManifestContract.Blocked)
        {
            // Reached only when the build goes on: the rules were lowered below error in .editorconfig
            // (at error, the compile fails first). Say so, or the old files would pass for current.
            Blocked = true;
            Log.LogWarning(
                null, "SCG1003", null, null, 0, 0, 0, 0,
                "SidecarGen did not update the manifests in '{0}' ({1}): {2}. Fix them, or the files there are not this build's.",
                OutputDirectory,
                previous.Count == 0 ? "none written" : previous.Count + " file(s) from an earlier build left as they were",
                embedded.BlockedBy.Length == 0 ? "SidecarGen errors stand" : "these rules block them, whatever their severity: " + embedded.BlockedBy.Replace("\n", "; "));
            WrittenFiles = previous.Select(path => (ITaskItem)new TaskItem(path)).ToArray();
            return true;
        }

        var root = Path.GetFullPath(OutputDirectory);
        var targets = new List<KeyValuePair<string, string>>();
        foreach (var file in embedded.Status == ManifestContract.Generated ? embedded.Files : Array.Empty<KeyValuePair<string, string>>())
        {
            if (Resolve(root, file.Key) is not { } path)
            {
                Log.LogError(null, "SCG1001", null, null, 0, 0, 0, 0, "SidecarGen: refusing to write '{0}' outside '{1}'", file.Key, root);
                return false;
            }

            targets.Add(new KeyValuePair<string, string>(path, file.Value));
        }

        var written = targets.Count(target => AtomicFile.WriteIfChanged(target.Key, Utf8.GetBytes(target.Value)));
        var current = new HashSet<string>(targets.Select(target => target.Key), StringComparer.Ordinal);
        var removed = previous.Where(path => !current.Contains(path)).Count(path => OwnedFiles.Remove(path, root));
        OwnedFiles.Write(StateFile, current);

        if (targets.Count > 0 || removed > 0)
        {
            Log.LogMessage(
                MessageImportance.Normal,
                "SidecarGen: {0} manifest file(s) in {1} ({2} written, {3} unchanged, {4} removed)",
                targets.Count, root, written, targets.Count - written, removed);
        }

        if (targets.Count == 0 && removed > 0)
        {
            // Not only a message at normal verbosity: the usual cause is attributes gone by accident
            // (ASP0027's code fix deletes `public partial class Program;` with every attribute on it).
            Log.LogWarning(
                null, NoManifestsLeft, null, null, 0, 0, 0, 0,
                "SidecarGen removed the {0} manifest file(s) it had written to '{1}': this build generates none. {2} (docs/diagnostics/{3}.md)",
                removed,
                root,
                embedded.Status is null
                    ? "The project has no SidecarGen service any more: no [SidecarService] or sidecar attribute on its Program. If a code fix (ASP0027) deleted `public partial class Program;`, put the declaration and its attributes back as `partial class Program;`"
                    : "Its outputs are switched off (SidecarGenKubernetes and SidecarGenCompose)",
                NoManifestsLeft);
        }

        if (SummaryFile is { Length: > 0 } summaryFile)
        {
            if (embedded.Summary is { } summary)
            {
                AtomicFile.WriteIfChanged(summaryFile, Utf8.GetBytes(summary + "\n"));
            }
            else if (File.Exists(summaryFile))
            {
                File.Delete(summaryFile);
            }
        }

        WrittenFiles = current.OrderBy(path => path, StringComparer.Ordinal).Select(path => (ITaskItem)new TaskItem(path)).ToArray();
        return true;
    }

    /// <summary>The full path of a generated file, or null when its relative path would leave the output folder.</summary>
    private static string? Resolve(string root, string relative)
    {
        if (relative.Length == 0 || Path.IsPathRooted(relative) || relative.Split('/', '\\').Any(part => part is "" or "." or ".."))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar)));
        return full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}
