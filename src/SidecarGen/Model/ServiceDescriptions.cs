namespace SidecarGen.Model;

/// <summary>
/// A system's service descriptions as one value of the generator's pipeline. A class rather than the bare
/// <see cref="EquatableArray{T}"/>: Roslyn's pipeline code is shared by every reference type it carries
/// but JIT-compiled anew, in each new compiler process, for every struct (docs/performance.md).
/// </summary>
internal sealed record ServiceDescriptions(EquatableArray<ServiceDescription> Items);
