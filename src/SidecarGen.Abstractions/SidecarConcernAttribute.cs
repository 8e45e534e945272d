using System;

namespace SidecarGen;

/// <summary>
/// Declares the concern of a sidecar attribute class derived from <see cref="SidecarAttribute"/>.
/// </summary>
/// <remarks>
/// Put one on each derived sidecar class: a sidecar with several concerns breaks the pattern
/// (SCG0001). Concerns declared on base classes count too; <see cref="SidecarAttribute.Concerns"/>
/// set at the usage site adds to them.
/// </remarks>
/// <example>
/// <code>
/// [SidecarConcern(SidecarConcerns.Metrics)]
/// public sealed class StatsdExporterSidecarAttribute : SidecarAttribute
/// {
///     public StatsdExporterSidecarAttribute() : base("statsd-exporter", "prom/statsd-exporter:v0.28.0") { }
/// }
/// </code>
/// </example>
// Deliberately not [Conditional]: the generator reads it from sidecar classes in referenced assemblies (the built-ins included), so it must stay in metadata.
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class SidecarConcernAttribute : Attribute
{
    /// <summary>Declares the sidecar class's concern.</summary>
    /// <param name="concern">The concern; one flag of <see cref="SidecarConcerns"/>.</param>
    public SidecarConcernAttribute(SidecarConcerns concern) => Concern = concern;

    /// <summary>The concern the sidecar class takes over.</summary>
    public SidecarConcerns Concern { get; }
}
