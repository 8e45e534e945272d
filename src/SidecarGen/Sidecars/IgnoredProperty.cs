namespace SidecarGen.Sidecars;

/// <summary>A property the sidecar's kind (or its mesh provider) sets no value from, and why: SCG0020/SCG0026.</summary>
internal sealed record IgnoredProperty(string Property, string Reason);
