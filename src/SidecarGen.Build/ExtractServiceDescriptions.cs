using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace SidecarGen.Build;

/// <summary>
/// A system project's services: reads each referenced service's description from its assembly and
/// writes it into <see cref="OutputDirectory"/> (only when it changed, so an unchanged service does not
/// recompile the system), for the system's compilation to read as additional files. Descriptions of
/// services no longer referenced are removed. With a <see cref="StateFile"/>, an assembly unchanged
/// since the last read (same size and write time) is not opened again: an edit to one service makes
/// the next system build read that service's description only.
/// </summary>
public sealed class ExtractServiceDescriptions : Task
{
    /// <summary>The item metadata naming the service's project (compiler-visible).</summary>
    public const string ProjectMetadata = "SidecarGenServiceProject";

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The referenced projects' assemblies (GetTargetPath), with <c>MSBuildSourceProjectFile</c>.</summary>
    [Required]
    public ITaskItem[] Assemblies { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The folder in obj/ that holds the extracted descriptions.</summary>
    [Required]
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary>Where the task records what it read (see <see cref="ServiceReads"/>); empty: read every assembly.</summary>
    public string StateFile { get; set; } = string.Empty;

    /// <summary>The system's name, for the messages.</summary>
    public string SystemName { get; set; } = string.Empty;

    /// <summary>One description file per referenced service, in reference order, with <see cref="ProjectMetadata"/>.</summary>
    [Output]
    public ITaskItem[] Descriptions { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>The services' source files that hold their attributes, where the system's findings are reported.</summary>
    [Output]
    public ITaskItem[] Sources { get; private set; } = Array.Empty<ITaskItem>();

    /// <inheritdoc/>
    public override bool Execute()
    {
        try
        {
            Run();
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            Log.LogError(null, "SCG1002", null, null, 0, 0, 0, 0, "SidecarGen: could not read the services of the system '{0}': {1}", SystemName, exception.Message);
            return false;
        }
    }

    private void Run()
    {
        var directory = Path.GetFullPath(OutputDirectory);
        var previous = StateFile.Length > 0 ? ServiceReads.Read(StateFile) : new Dictionary<string, ServiceReads.Entry>();
        var reads = new List<ServiceReads.Entry>();
        var descriptions = new List<ITaskItem>();
        var sources = new List<ITaskItem>();
        for (var i = 0; i < Assemblies.Length; i++)
        {
            var assembly = Assemblies[i].GetMetadata("FullPath");
            var project = Path.GetFullPath(Assemblies[i].GetMetadata("MSBuildSourceProjectFile") is { Length: > 0 } source ? source : assembly);
            var path = Path.Combine(directory, i.ToString("D3", CultureInfo.InvariantCulture) + "-" + Path.GetFileNameWithoutExtension(project) + ".yaml");
            if (!File.Exists(assembly))
            {
                // A design-time build resolves references without building them: keep what the last build extracted.
                if (File.Exists(path))
                {
                    descriptions.Add(Description(path, project));
                }

                continue;
            }

            var file = new FileInfo(assembly);
            if (!previous.TryGetValue(file.FullName, out var read) || !read.Matches(file, path))
            {
                read = ReadService(file, path, project);
            }

            reads.Add(read);
            if (read.Description.Length == 0)
            {
                Log.LogMessage(MessageImportance.High, "SidecarGen: {0} is referenced by the system '{1}' but is no SidecarGen service (it has no SidecarGen attributes on its entry point, or does not reference SidecarGen); it is left out", project, SystemName);
                continue;
            }

            descriptions.Add(Description(path, project));
            sources.AddRange(read.Sources.Where(File.Exists).Select(source => (ITaskItem)new TaskItem(source)));
        }

        if (StateFile.Length > 0)
        {
            ServiceReads.Write(StateFile, reads);
        }

        if (Directory.Exists(directory))
        {
            var current = new HashSet<string>(descriptions.Select(item => item.ItemSpec), StringComparer.Ordinal);
            foreach (var stale in Directory.GetFiles(directory, "*.yaml").Where(file => !current.Contains(file)))
            {
                File.Delete(stale);
            }
        }

        Descriptions = descriptions.ToArray();
        Sources = sources.ToArray();
    }

    /// <summary>Opens the assembly and writes its description to <paramref name="path"/> when it changed.</summary>
    private ServiceReads.Entry ReadService(FileInfo assembly, string path, string project)
    {
        // The benchmark (benchmarks/system-scale.sh) counts these messages: the assemblies a build opened.
        Log.LogMessage(MessageImportance.Low, "SidecarGen: reading the description of {0} from {1}", project, assembly.FullName);
        var embedded = EmbeddedManifestReader.Read(assembly.FullName);
        if (embedded.Service is not { } description)
        {
            return ServiceReads.Of(assembly, string.Empty, Array.Empty<string>());
        }

        AtomicFile.WriteIfChanged(path, Utf8.GetBytes(description));
        return ServiceReads.Of(assembly, path, (embedded.ServiceSources ?? string.Empty).Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries));
    }

    private static TaskItem Description(string path, string project)
    {
        var item = new TaskItem(path);
        item.SetMetadata(ProjectMetadata, project);
        return item;
    }
}
