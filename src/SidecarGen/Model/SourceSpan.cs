namespace SidecarGen.Model;

/// <summary>
/// Where a piece of a service's source is, as plain data (a service description carries it to the
/// system's compilation, which has no syntax tree of the service): the file, the character range and
/// its zero-based line and column positions.
/// </summary>
internal sealed record SourceSpan(string Path, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn);

/// <summary>Where each attribute of the service class and each of its arguments (and array items) is written.</summary>
internal sealed record ServiceSource(SourceSpan? Class, EquatableArray<AttributeSource> Attributes);

/// <summary>One attribute's span and its arguments' spans, by the attribute's ordinal on the class.</summary>
internal sealed record AttributeSource(int Ordinal, SourceSpan Span, EquatableArray<ArgumentSource> Arguments);

/// <summary>An argument's span by the property it sets, and its array items' spans.</summary>
internal sealed record ArgumentSource(string Property, SourceSpan Span, EquatableArray<SourceSpan> Items);
