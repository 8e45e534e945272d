using System.Collections.Generic;

namespace SidecarGen.Build;

/// <summary>
/// What the generator embedded in the compiled assembly: <see cref="Status"/> is null when the
/// project has no SidecarGen service, <c>Generated</c> when <see cref="Files"/> are the manifests to
/// write, <c>Blocked</c> when an SCG error stands and the previous manifests must stay.
/// <see cref="Service"/> is a service's description (for the systems that reference it);
/// <see cref="Summary"/> what a system's build prints (its host ports).
/// </summary>
internal sealed class EmbeddedManifests
{
    public EmbeddedManifests(string? status, IReadOnlyList<KeyValuePair<string, string>> files, string blockedBy, string? service = null, string? summary = null, string? serviceSources = null)
    {
        ServiceSources = serviceSources;
        Status = status;
        Files = files;
        BlockedBy = blockedBy;
        Service = service;
        Summary = summary;
    }

    public string? Service { get; }

    public string? Summary { get; }

    /// <summary>The service's source files that hold its attributes, one a line.</summary>
    public string? ServiceSources { get; }

    public string? Status { get; }

    /// <summary>When blocked: the rules that block, one <c>SCGnnnn: message</c> per line.</summary>
    public string BlockedBy { get; }

    /// <summary>Relative path (forward slashes) and content of each file, in the generator's order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Files { get; }
}
