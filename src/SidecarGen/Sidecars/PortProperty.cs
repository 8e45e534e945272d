namespace SidecarGen.Sidecars;

/// <summary>
/// A port a sidecar's attribute property sets: where SCG0003 and the port checks report it. A class rather
/// than a tuple, as every value the checks pass through LINQ: generic code over a struct is JIT-compiled
/// anew in each compiler process (docs/performance.md).
/// </summary>
internal sealed record PortProperty(string Property, int Port);
