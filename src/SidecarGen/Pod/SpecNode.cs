using System.Collections.Generic;
using System.Globalization;
using SidecarGen.Model;

namespace SidecarGen.Pod;

/// <summary>
/// The body of an object the writers render without knowing its kind (e.g. an Istio
/// VirtualService): a string, a number, a boolean, a map in a fixed key order, or a sequence.
/// </summary>
internal sealed record SpecNode(SpecNodeKind Kind, string Text, EquatableArray<SpecField> Fields, EquatableArray<SpecNode> Items)
{
    public static SpecNode String(string text) => new(SpecNodeKind.String, text, default, default);

    public static SpecNode Number(int value) => new(SpecNodeKind.Number, value.ToString(CultureInfo.InvariantCulture), default, default);

    public static SpecNode Boolean(bool value) => new(SpecNodeKind.Boolean, value ? "true" : "false", default, default);

    public static SpecNode Map(params SpecField[] fields) => new(SpecNodeKind.Map, string.Empty, fields.ToEquatableArray(), default);

    public static SpecNode Map(IEnumerable<SpecField> fields) => new(SpecNodeKind.Map, string.Empty, fields.ToEquatableArray(), default);

    public static SpecNode Sequence(params SpecNode[] items) => new(SpecNodeKind.Sequence, string.Empty, default, items.ToEquatableArray());

    public static SpecNode Sequence(IEnumerable<SpecNode> items) => new(SpecNodeKind.Sequence, string.Empty, default, items.ToEquatableArray());

    public static SpecNode Strings(IEnumerable<string> items) => Sequence(System.Linq.Enumerable.Select(items, String));
}

/// <summary>One key of a <see cref="SpecNode"/> map.</summary>
internal sealed record SpecField(string Key, SpecNode Value)
{
    public static SpecField Of(string key, SpecNode value) => new(key, value);

    public static SpecField Of(string key, string value) => new(key, SpecNode.String(value));

    public static SpecField Of(string key, int value) => new(key, SpecNode.Number(value));

    public static SpecField Of(string key, bool value) => new(key, SpecNode.Boolean(value));
}

internal enum SpecNodeKind
{
    String,
    Number,
    Boolean,
    Map,
    Sequence,
}
