using System;
using System.Diagnostics;

namespace SidecarGen;

/// <summary>
/// A sidecar: a container that runs beside the app in the same Pod, shares its lifecycle, network
/// (<c>localhost</c>) and volumes, and takes over one infrastructure concern. Use it directly for
/// any image, or derive your own sidecar attribute from it and declare its concern with
/// <see cref="SidecarConcernAttribute"/>. The built-in sidecars (<see cref="LoggingSidecarAttribute"/>,
/// <see cref="AuthProxySidecarAttribute"/>, ...) derive from it too.
/// </summary>
/// <example>
/// <code>
/// [Sidecar("redis-cache", "redis:7.4.1", Ports = new[] { 6379 }, Concerns = SidecarConcerns.TrafficManagement)]
/// public partial class Program;
/// </code>
/// </example>
// Read from source by the generator; not kept in the compiled assembly unless SIDECARGEN_KEEP_ATTRIBUTES is defined.
[Conditional("SIDECARGEN_KEEP_ATTRIBUTES")]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public class SidecarAttribute : Attribute
{
    /// <summary>Declares a sidecar running <paramref name="image"/>.</summary>
    /// <param name="name">The container's name (a DNS-1123 label), unique in the Pod.</param>
    /// <param name="image">The image, with a pinned tag (SCG0005 warns about none or <c>latest</c>).</param>
    public SidecarAttribute(string name, string image)
    {
        Name = name;
        Image = image;
    }

    /// <summary>For the built-in sidecars: a default name, and the sidecar kind's default pinned image.</summary>
    /// <param name="name">The default container name.</param>
    protected SidecarAttribute(string name) => Name = name;

    /// <summary>The container's name, unique in the Pod.</summary>
    public string Name { get; set; }

    /// <summary>The image; null for a built-in sidecar means its default pinned image.</summary>
    public string? Image { get; set; }

    /// <summary>The concern this sidecar takes over. One only: SCG0001 warns about several.</summary>
    public SidecarConcerns Concerns { get; set; }

    /// <summary>TCP ports the sidecar listens on, on the Pod's <c>localhost</c> and IP. No two containers may share one (SCG0003).</summary>
    public int[]? Ports { get; set; }

    /// <summary>Arguments passed to the container, after the built-in sidecar's own.</summary>
    public string[]? Args { get; set; }

    /// <summary>Environment variables, each <c>"KEY=VALUE"</c>. Never secrets (SCG0011): those come from Secrets.</summary>
    public string[]? Env { get; set; }

    /// <summary>CPU request, a Kubernetes quantity. Default <c>50m</c>.</summary>
    public string? CpuRequest { get; set; }

    /// <summary>Memory request, a Kubernetes quantity. Default <c>64Mi</c>.</summary>
    public string? MemoryRequest { get; set; }

    /// <summary>CPU limit, a Kubernetes quantity. Default <c>200m</c>.</summary>
    public string? CpuLimit { get; set; }

    /// <summary>Memory limit, a Kubernetes quantity. Default <c>128Mi</c>.</summary>
    public string? MemoryLimit { get; set; }

    /// <summary>Linux capabilities to add (all others are dropped). Outside the restricted profile: SCG0012 warns.</summary>
    public string[]? Capabilities { get; set; }

    /// <summary>Run as root instead of UID 10001. Outside the restricted profile: SCG0012 warns.</summary>
    public bool RunAsRoot { get; set; }
}
