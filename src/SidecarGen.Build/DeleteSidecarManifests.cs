using System;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace SidecarGen.Build;

/// <summary>For <c>dotnet clean</c>: deletes the files SidecarGen wrote (as its state file lists them) and nothing else.</summary>
public sealed class DeleteSidecarManifests : Task
{
    /// <summary>The folder the manifests were written to; emptied folders below it are removed.</summary>
    [Required]
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary>The file in obj/ listing what SidecarGen wrote; deleted too.</summary>
    [Required]
    public string StateFile { get; set; } = string.Empty;

    /// <inheritdoc/>
    public override bool Execute()
    {
        try
        {
            foreach (var path in OwnedFiles.Read(StateFile))
            {
                OwnedFiles.Remove(path, OutputDirectory);
            }

            if (File.Exists(StateFile))
            {
                File.Delete(StateFile);
            }

            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.LogWarning(null, "SCG1002", null, null, 0, 0, 0, 0, "SidecarGen: could not clean the manifests in '{0}': {1}", OutputDirectory, exception.Message);
            return true;
        }
    }
}
