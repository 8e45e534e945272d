using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SidecarGen.Model;

namespace SidecarGen.Reading;

/// <summary>
/// A system's services reach its compilation as additional files: each service's description, extracted
/// from its assembly by the system's build, with the service's project in the item metadata
/// <c>SidecarGenServiceProject</c> (made compiler-visible by SidecarGen.targets).
/// </summary>
internal static class ServiceDescriptionFiles
{
    public const string ProjectMetadata = "build_metadata.AdditionalFiles.SidecarGenServiceProject";

    /// <summary>
    /// The description in <paramref name="file"/>; null when the file is no service description (not one
    /// of the system's), <see cref="ServiceDescription.Unreadable"/> when it is one this SidecarGen cannot read.
    /// </summary>
    public static ServiceDescription? Read(AdditionalText file, AnalyzerConfigOptions options, CancellationToken cancellationToken) =>
        options.TryGetValue(ProjectMetadata, out var project) && project.Length > 0
            ? (file.GetText(cancellationToken) is { } text ? ServiceDescriptionReader.Read(project, text.ToString()) : null) ?? ServiceDescription.Unreadable(project)
            : null;
}
