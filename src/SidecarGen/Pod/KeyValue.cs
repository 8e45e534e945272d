namespace SidecarGen.Pod;

/// <summary>A string pair (labels, annotations) in a fixed order.</summary>
internal sealed record KeyValue(string Key, string Value);
