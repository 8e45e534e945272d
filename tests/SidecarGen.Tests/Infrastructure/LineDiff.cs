using System.Text;

namespace SidecarGen.Tests.Infrastructure;

/// <summary>
/// A unified diff of two texts, line by line, for snapshot failures: <c>-</c> expected lines,
/// <c>+</c> actual lines, <see cref="Context"/> unchanged lines around each change, and a
/// <c>@@ -line,count +line,count @@</c> header (1-based line numbers) before each hunk.
/// </summary>
/// <remarks>
/// The edit script comes from a longest common subsequence of the lines (a quadratic table, fine
/// for files of a few hundred lines). A carriage return shows as <c>␍</c> and a last line without
/// a line feed is followed by <c>\ No newline at end of file</c>, so that a difference the eye
/// cannot see still shows.
/// </remarks>
internal static class LineDiff
{
    public const int Context = 3;

    /// <summary>The hunks that turn <paramref name="expected"/> into <paramref name="actual"/>; empty when the texts are equal.</summary>
    public static string Unified(string expected, string actual, int context = Context)
    {
        var edits = Edits(Lines(expected), Lines(actual));
        var diff = new StringBuilder();
        var start = 0;
        while (NextChange(edits, start) is var first and >= 0)
        {
            // A hunk runs on while the next change is close enough for the two contexts to touch.
            var last = first;
            while (NextChange(edits, last + 1) is var next and >= 0 && next - last <= 2 * context)
            {
                last = next;
            }

            var from = Math.Max(start, first - context);
            var to = Math.Min(edits.Count, last + context + 1);
            AppendHunk(diff, edits, from, to);
            start = to;
        }

        return diff.ToString();
    }

    private readonly record struct Line(string Text, bool Terminated);

    /// <summary>One line of the script: <paramref name="Kind"/> is ' ', '-' or '+'; the numbers are the 0-based lines before it on each side.</summary>
    private readonly record struct Edit(char Kind, Line Line, int ExpectedBefore, int ActualBefore);

    private static Line[] Lines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var parts = text.Split('\n');
        var terminated = parts[^1].Length == 0;
        var count = terminated ? parts.Length - 1 : parts.Length;
        return parts.Take(count).Select((part, index) => new Line(part, terminated || index < count - 1)).ToArray();
    }

    private static List<Edit> Edits(Line[] expected, Line[] actual)
    {
        // common[i, j]: the length of the longest common subsequence of expected[i..] and actual[j..].
        var common = new int[expected.Length + 1, actual.Length + 1];
        for (var i = expected.Length - 1; i >= 0; i--)
        {
            for (var j = actual.Length - 1; j >= 0; j--)
            {
                common[i, j] = expected[i] == actual[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var edits = new List<Edit>();
        int e = 0, a = 0;
        while (e < expected.Length || a < actual.Length)
        {
            if (e < expected.Length && a < actual.Length && expected[e] == actual[a])
            {
                edits.Add(new Edit(' ', expected[e], e++, a++));
            }
            else if (a == actual.Length || (e < expected.Length && common[e + 1, a] >= common[e, a + 1]))
            {
                edits.Add(new Edit('-', expected[e], e++, a));
            }
            else
            {
                edits.Add(new Edit('+', actual[a], e, a++));
            }
        }

        return edits;
    }

    private static int NextChange(List<Edit> edits, int from) =>
        edits.FindIndex(Math.Min(from, edits.Count), edit => edit.Kind != ' ');

    private static void AppendHunk(StringBuilder diff, List<Edit> edits, int from, int to)
    {
        var hunk = edits.GetRange(from, to - from);
        var expectedCount = hunk.Count(edit => edit.Kind != '+');
        var actualCount = hunk.Count(edit => edit.Kind != '-');

        // As in diff -u, an empty side is numbered by the line before it.
        var expectedStart = hunk[0].ExpectedBefore + (expectedCount == 0 ? 0 : 1);
        var actualStart = hunk[0].ActualBefore + (actualCount == 0 ? 0 : 1);
        diff.Append($"@@ -{expectedStart},{expectedCount} +{actualStart},{actualCount} @@\n");
        foreach (var edit in hunk)
        {
            diff.Append(edit.Kind).Append(edit.Line.Text.Replace('\r', '␍')).Append('\n');
            if (!edit.Line.Terminated)
            {
                diff.Append("\\ No newline at end of file\n");
            }
        }
    }
}
