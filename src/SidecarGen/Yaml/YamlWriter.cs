using System.Globalization;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SidecarGen.Yaml;

/// <summary>
/// A thin, typed layer over YamlDotNet's emitter. Quoting is never done by hand: every string is a
/// scalar event, and a string is written plain only when no YAML 1.1 or 1.2 reader could take it
/// for anything but the same string (so <c>yes</c>, <c>0755</c>, <c>null</c> or <c>1:20</c> stay strings).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A StringWriter over memory holds nothing to release.")]
internal sealed class YamlWriter
{
    private static readonly EmitterSettings Settings = new(
        bestIndent: 2,
        bestWidth: int.MaxValue,
        isCanonical: false,
        maxSimpleKeyLength: 1024,
        skipAnchorName: false,
        indentSequences: true,
        newLine: "\n");

    private readonly StringWriter text = new(CultureInfo.InvariantCulture) { NewLine = "\n" };
    private readonly Emitter emitter;

    public YamlWriter()
    {
        emitter = new Emitter(text, Settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
    }

    public YamlWriter BeginMap(bool flow = false) =>
        Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, flow ? MappingStyle.Flow : MappingStyle.Block));

    public YamlWriter EndMap() => Emit(new MappingEnd());

    public YamlWriter BeginSequence(bool flow = false) =>
        Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, flow ? SequenceStyle.Flow : SequenceStyle.Block));

    public YamlWriter EndSequence() => Emit(new SequenceEnd());

    public YamlWriter String(string value)
    {
        if (NeedsEscapes(value))
        {
            // Only a double-quoted scalar can carry these unchanged: YAML reads U+0085, U+2028 and
            // U+2029 as line breaks, and control characters must be escaped.
            return Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.DoubleQuoted, false, true));
        }

        if (value.IndexOf('\n') >= 0)
        {
            // Multi-line text (config files) as a literal block; the emitter falls back to a
            // double-quoted scalar when the text cannot be a literal block.
            return Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Literal, false, true));
        }

        return PlainScalars.IsSafe(value)
            ? Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Plain, true, false))
            : Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Any, false, true));
    }

    public YamlWriter Number(long value) =>
        Emit(new Scalar(AnchorName.Empty, TagName.Empty, value.ToString(CultureInfo.InvariantCulture), ScalarStyle.Plain, true, false));

    public YamlWriter Bool(bool value) =>
        Emit(new Scalar(AnchorName.Empty, TagName.Empty, value ? "true" : "false", ScalarStyle.Plain, true, false));

    public YamlWriter Key(string key) => String(key);

    public YamlWriter Pair(string key, string value) => Key(key).String(value);

    public YamlWriter Pair(string key, long value) => Key(key).Number(value);

    public YamlWriter Pair(string key, bool value) => Key(key).Bool(value);

    public YamlWriter BeginMap(string key, bool flow = false) => Key(key).BeginMap(flow);

    public YamlWriter BeginSequence(string key, bool flow = false) => Key(key).BeginSequence(flow);

    /// <summary>Ends the document and returns its text, LF-terminated.</summary>
    public string Finish()
    {
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static bool NeedsEscapes(string value)
    {
        foreach (var c in value)
        {
            if (c is '\u0085' or '\u2028' or '\u2029' or '\uFEFF' || (char.IsControl(c) && c != '\n'))
            {
                return true;
            }
        }

        return false;
    }

    private YamlWriter Emit(ParsingEvent parsingEvent)
    {
        emitter.Emit(parsingEvent);
        return this;
    }
}
