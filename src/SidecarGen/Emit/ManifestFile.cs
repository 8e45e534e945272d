namespace SidecarGen.Emit;

/// <summary>One generated file: its path under the output folder (forward slashes) and its LF text.</summary>
internal sealed record ManifestFile(string Path, string Content);
