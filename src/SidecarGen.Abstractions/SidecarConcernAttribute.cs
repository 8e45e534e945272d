using System;

namespace SidecarGen;

/// <summary>
/// Declares the concern of a sidecar attribute class derived from <see cref="SidecarAttribute"/>.
/// One per class: a sidecar with several concerns breaks the pattern (SCG0001).
/// </summary>
/// <example>
/// <code>
/// [SidecarConcern(SidecarConcerns.Metrics)]
/// public sealed class StatsdExporterSidecarAttribute : SidecarAttribute
/// {
///     public StatsdExporterSidecarAttribute() : base("statsd-exporter", "prom/statsd-exporter:v0.28.0") { }
/// }
/// </code>
/// </example>
// Kept in metadata (not conditional): the generator reads it from sidecar classes in referenced assemblies too.
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class SidecarConcernAttribute : Attribute
{
    /// <summary>Declares the sidecar class's concern.</summary>
    /// <param name="concern">The concern.</param>
    public SidecarConcernAttribute(SidecarConcerns concern) => Concern = concern;

    /// <summary>The concern.</summary>
    public SidecarConcerns Concern { get; }
}
