namespace SidecarGen.Planning;

/// <summary>Requests and limits, as Kubernetes quantities; every container gets all four.</summary>
internal sealed record ResourceSpec(string CpuRequest, string MemoryRequest, string CpuLimit, string MemoryLimit);
