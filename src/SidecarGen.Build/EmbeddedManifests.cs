using System.Collections.Generic;

namespace SidecarGen.Build;

/// <summary>
/// What the generator embedded in the compiled assembly: <see cref="Status"/> is null when the
/// project has no SidecarGen service, <c>Generated</c> when <see cref="Files"/> are the manifests to
/// write, <c>Blocked</c> when an SCG error stands and the previous manifests must stay.
/// </summary>
internal sealed class EmbeddedManifests
{
    public EmbeddedManifests(string? status, IReadOnlyList<KeyValuePair<string, string>> files, string blockedBy)
    {
        Status = status;
        Files = files;
        BlockedBy = blockedBy;
    }

    public string? Status { get; }

    /// <summary>When blocked: the rules that block, one <c>SCGnnnn: message</c> per line.</summary>
    public string BlockedBy { get; }

    /// <summary>Relative path (forward slashes) and content of each file, in the generator's order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Files { get; }
}
