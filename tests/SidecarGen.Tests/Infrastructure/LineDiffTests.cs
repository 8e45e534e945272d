namespace SidecarGen.Tests.Infrastructure;

/// <summary>The line diff a snapshot failure shows, to the character.</summary>
public sealed class LineDiffTests
{
    private const string Letters = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";

    [Fact]
    public void Equal_texts_have_no_diff() => Assert.Equal("", LineDiff.Unified(Letters, Letters));

    [Fact]
    public void A_changed_line_shows_as_removed_then_added_with_three_lines_of_context() =>
        Assert.Equal(
            "@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n",
            LineDiff.Unified(Letters, Letters.Replace("e\n", "E\n")));

    [Fact]
    public void An_added_line_is_numbered_on_both_sides() =>
        Assert.Equal(
            "@@ -1,3 +1,4 @@\n a\n b\n+new\n c\n",
            LineDiff.Unified("a\nb\nc\n", "a\nb\nnew\nc\n"));

    [Fact]
    public void A_removed_line_is_numbered_on_both_sides() =>
        Assert.Equal(
            "@@ -7,4 +7,3 @@\n g\n h\n i\n-j\n",
            LineDiff.Unified(Letters, Letters.Replace("j\n", "")));

    [Fact]
    public void Changes_far_apart_make_separate_hunks() =>
        Assert.Equal(
            "@@ -1,4 +1,4 @@\n-a\n+A\n b\n c\n d\n@@ -7,4 +7,4 @@\n g\n h\n i\n-j\n+J\n",
            LineDiff.Unified(Letters, Letters.Replace("a\n", "A\n").Replace("j\n", "J\n")));

    [Fact]
    public void Into_an_empty_text_every_line_is_removed() =>
        Assert.Equal("@@ -1,2 +0,0 @@\n-a\n-b\n", LineDiff.Unified("a\nb\n", ""));

    [Fact]
    public void Invisible_differences_show_a_carriage_return_and_a_missing_final_newline() =>
        Assert.Equal(
            "@@ -1,2 +1,2 @@\n-a\n-b\n+a␍\n+b\n\\ No newline at end of file\n",
            LineDiff.Unified("a\nb\n", "a\r\nb"));
}
