namespace SidecarGen.Model;

/// <summary>CPU and memory as written: Kubernetes quantities, or null for the container's default.</summary>
internal sealed record ResourceOptions(string? CpuRequest, string? MemoryRequest, string? CpuLimit, string? MemoryLimit);
