namespace SidecarGen.Sidecars;

/// <summary>A folder a sidecar's attribute property names: where a clash of two volumes on one path is reported.</summary>
internal sealed record PathProperty(string Property, string Path);
