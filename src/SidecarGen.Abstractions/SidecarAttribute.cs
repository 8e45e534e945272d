using System;
using System.Diagnostics;

namespace SidecarGen;

/// <summary>
/// A sidecar: a container that runs beside the app in the same Pod, shares its lifecycle, network
/// (<c>localhost</c>) and volumes, and takes over one infrastructure concern.
/// </summary>
/// <remarks>
/// Use it directly for any image, or derive your own sidecar attribute from it: give the derived
/// class a parameterless constructor calling <c>base(name, image)</c> and declare its concern with
/// <see cref="SidecarConcernAttribute"/>. The built-in sidecars of this namespace (e.g.
/// <see cref="LoggingSidecarAttribute"/>) derive from it too, so every property here applies
/// to them. Every container runs with the restricted security context (non-root, no added
/// capabilities) unless <see cref="Capabilities"/> or <see cref="RunAsRoot"/> say otherwise.
/// </remarks>
/// <example>
/// <code>
/// [Sidecar("redis-cache", "redis:7.4.1", Ports = new[] { 6379 }, Concerns = SidecarConcerns.TrafficManagement)]
/// partial class Program;
///
/// // or a sidecar attribute of your own:
/// [SidecarConcern(SidecarConcerns.TrafficManagement)]
/// public sealed class RedisCacheSidecarAttribute : SidecarAttribute
/// {
///     public RedisCacheSidecarAttribute() : base("redis-cache", "redis:7.4.1") { Ports = new[] { 6379 }; }
/// }
/// </code>
/// </example>
// The generator reads this attribute from source; [Conditional] keeps it out of the compiled assembly unless SIDECARGEN_KEEP_ATTRIBUTES is defined.
[Conditional("SIDECARGEN_KEEP_ATTRIBUTES")]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public class SidecarAttribute : Attribute
{
    /// <summary>Declares a sidecar running <paramref name="image"/>.</summary>
    /// <param name="name">The container's name, a DNS-1123 label unique in the Pod (SCG0007).</param>
    /// <param name="image">The image, pinned to a version tag (SCG0005 warns about none or <c>latest</c>).</param>
    public SidecarAttribute(string name, string image)
    {
        Name = name;
        Image = image;
    }

    /// <summary>For the built-in sidecars: a default name, and the sidecar kind's default pinned image.</summary>
    /// <param name="name">The default container name.</param>
    protected SidecarAttribute(string name) => Name = name;

    /// <summary>The container's name, a DNS-1123 label unique in the Pod (SCG0007).</summary>
    public string Name { get; set; }

    /// <summary>The image, pinned to a version tag; null (built-in sidecars only) means the kind's default pinned image.</summary>
    public string? Image { get; set; }

    /// <summary>
    /// The concern this sidecar takes over, added to those its class declares with
    /// <see cref="SidecarConcernAttribute"/>. One in all: SCG0001 warns about several. Default <see cref="SidecarConcerns.None"/>.
    /// </summary>
    public SidecarConcerns Concerns { get; set; }

    /// <summary>TCP ports the sidecar listens on. No two containers of the Pod may share one (SCG0003). Default: none.</summary>
    public int[]? Ports { get; set; }

    /// <summary>Arguments passed to the container, after a built-in sidecar's own. Default: none.</summary>
    public string[]? Args { get; set; }

    /// <summary>Environment variables, each <c>"KEY=VALUE"</c>. Never secrets (SCG0011): those come from Secrets. Default: none.</summary>
    public string[]? Env { get; set; }

    /// <summary>CPU request, a Kubernetes quantity (SCG0006). Default (null): <c>50m</c>.</summary>
    public string? CpuRequest { get; set; }

    /// <summary>Memory request, a Kubernetes quantity (SCG0006). Default (null): <c>64Mi</c>.</summary>
    public string? MemoryRequest { get; set; }

    /// <summary>CPU limit, a Kubernetes quantity (SCG0006). Default (null): <c>200m</c>.</summary>
    public string? CpuLimit { get; set; }

    /// <summary>Memory limit, a Kubernetes quantity (SCG0006). Default (null): <c>128Mi</c>.</summary>
    public string? MemoryLimit { get; set; }

    /// <summary>
    /// Linux capabilities to add, e.g. <c>"NET_ADMIN"</c>; all others stay dropped. Outside the
    /// restricted profile: SCG0012 warns. Default: none.
    /// </summary>
    public string[]? Capabilities { get; set; }

    /// <summary>Run as root instead of UID 10001. Outside the restricted profile: SCG0012 warns. Default false.</summary>
    public bool RunAsRoot { get; set; }
}
