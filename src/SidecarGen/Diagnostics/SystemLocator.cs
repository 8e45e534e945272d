using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SidecarGen.Model;
using SidecarGen.Rules;

namespace SidecarGen.Diagnostics;

/// <summary>
/// Maps a finding about a service of a system back to the service's own source, by the spans its
/// description carries (the system's compilation has no syntax tree of it): the array item, else the
/// argument, else the attribute, else the class.
/// </summary>
internal static class SystemLocator
{
    public static Location Locate(ServiceDescription description, Finding finding)
    {
        var attribute = description.Source.Attributes.FirstOrDefault(source => source.Ordinal == finding.Ordinal);
        var argument = attribute?.Arguments.FirstOrDefault(source => string.Equals(source.Property, finding.Argument, StringComparison.OrdinalIgnoreCase));
        var span = finding.Item is int item && argument is not null && item < argument.Items.Count
            ? argument.Items[item]
            : argument?.Span ?? attribute?.Span ?? description.Source.Class;
        return span is null
            ? Location.None
            : Location.Create(span.Path, new TextSpan(span.Start, span.Length), new LinePositionSpan(new LinePosition(span.StartLine, span.StartColumn), new LinePosition(span.EndLine, span.EndColumn)));
    }
}
