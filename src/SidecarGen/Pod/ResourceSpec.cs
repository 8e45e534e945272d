using SidecarGen.Model;

namespace SidecarGen.Pod;

/// <summary>A container's CPU and memory, every quantity resolved.</summary>
internal sealed record ResourceSpec(string CpuRequest, string MemoryRequest, string CpuLimit, string MemoryLimit)
{
    /// <summary>What the attribute wrote, each quantity left out taken from <paramref name="defaults"/>.</summary>
    public static ResourceSpec Of(ResourceOptions written, ResourceSpec defaults) => new(
        written.CpuRequest ?? defaults.CpuRequest,
        written.MemoryRequest ?? defaults.MemoryRequest,
        written.CpuLimit ?? defaults.CpuLimit,
        written.MemoryLimit ?? defaults.MemoryLimit);
}
