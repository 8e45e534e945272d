using System.Text.RegularExpressions;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests;

/// <summary>
/// Every pointer into the docs leads somewhere: a relative link of a Markdown file names a file that
/// exists and, with <c>#anchor</c>, a heading of that page; the pages the generator's text and comments
/// name (<c>HelpLinks.Page("…")</c>, <c>docs/….md</c>) exist; and src/ points at no README section, since
/// the README is short and its topics moved to docs/ (a pointer to a section it no longer has was
/// how a generated message went stale).
/// </summary>
public sealed partial class DocLinkTests
{
    private static readonly string[] SkippedFolders = { ".git", "bin", "obj", "node_modules", "TestResults", "_snapshots" };

    [Fact]
    public void Every_relative_link_of_a_markdown_file_reaches_its_file_and_heading()
    {
        var broken = new List<string>();
        var files = Files(Repository.Root, "*.md").ToList();
        Assert.Contains(files, file => file.EndsWith(Path.Combine("docs", "service-mesh.md"), StringComparison.Ordinal));
        foreach (var file in files)
        {
            foreach (var (line, target) in Links(File.ReadAllLines(file)))
            {
                var hash = target.IndexOf('#');
                var path = hash < 0 ? target : target[..hash];
                var resolved = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(path)));
                var where = $"{Path.GetRelativePath(Repository.Root, file)}:{line}: {target}";
                if (!File.Exists(resolved) && !Directory.Exists(resolved))
                {
                    broken.Add(where + " (no such file)");
                }
                else if (hash >= 0 && resolved.EndsWith(".md", StringComparison.Ordinal) && !Anchors(resolved).Contains(target[(hash + 1)..]))
                {
                    broken.Add(where + " (no such heading)");
                }
            }
        }

        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void Every_docs_page_the_generator_names_exists()
    {
        var named = Files(Repository.PathOf("src"), "*.cs")
            .SelectMany(file => DocsPage().Matches(File.ReadAllText(file)).Select(match => (File: file, Page: match.Groups["page"].Value)))
            .ToList();

        Assert.Contains(named, entry => entry.Page == "secrets.md"); // the message of <service>-variables
        Assert.All(named, entry => Assert.True(File.Exists(Repository.PathOf("docs", entry.Page)), $"{Path.GetRelativePath(Repository.Root, entry.File)} names docs/{entry.Page}, which does not exist"));
    }

    [Fact]
    public void The_source_points_at_no_readme_section()
    {
        var pointers = Files(Repository.PathOf("src"), "*.cs")
            .SelectMany(file => File.ReadLines(file).Select((text, index) => (File: file, Line: index + 1, Text: text)))
            .Where(line => BareReadme().IsMatch(line.Text))
            .Select(line => $"{Path.GetRelativePath(Repository.Root, line.File)}:{line.Line}: {line.Text.Trim()}")
            .ToList();

        Assert.True(pointers.Count == 0, "Point at the docs page that holds it instead:\n" + string.Join('\n', pointers));
    }

    [Theory]
    [InlineData("Who may call: identities and calls across meshes", "who-may-call-identities-and-calls-across-meshes")]
    [InlineData("Istio and Linkerd: the mesh you already run", "istio-and-linkerd-the-mesh-you-already-run")]
    [InlineData("`Calls` and `Upstreams`", "calls-and-upstreams")]
    [InlineData("What a new compiler JIT-compiles", "what-a-new-compiler-jit-compiles")]
    public void A_heading_anchors_as_github_renders_it(string heading, string anchor) => Assert.Equal(anchor, Slug(heading));

    /// <summary>The relative link targets of a Markdown file, outside fenced code, by line number.</summary>
    private static IEnumerable<(int Line, string Target)> Links(string[] lines)
    {
        var fenced = false;
        for (var index = 0; index < lines.Length; index++)
        {
            if (lines[index].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            if (fenced)
            {
                continue;
            }

            foreach (Match link in Link().Matches(InlineCode().Replace(lines[index], string.Empty)))
            {
                var target = link.Groups["target"].Value;
                if (!Regex.IsMatch(target, "^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase))
                {
                    yield return (index + 1, target);
                }
            }
        }
    }

    /// <summary>The anchors of a page's headings (a repeated heading's later ones take -1, -2, …).</summary>
    private static HashSet<string> Anchors(string page)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var fenced = false;
        foreach (var line in File.ReadLines(page))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
            }
            else if (!fenced && Heading().Match(line) is { Success: true } heading)
            {
                var slug = Slug(heading.Groups["text"].Value);
                var unique = slug;
                for (var n = 1; !anchors.Add(unique); n++)
                {
                    unique = slug + "-" + n;
                }
            }
        }

        return anchors;
    }

    /// <summary>GitHub's anchor for a heading: lower case, punctuation other than '-' and '_' dropped, spaces to '-'.</summary>
    private static string Slug(string heading) =>
        Regex.Replace(heading.Trim().ToLowerInvariant(), @"[^\p{L}\p{Nd}\s_-]", string.Empty).Replace(' ', '-');

    private static IEnumerable<string> Files(string root, string pattern) =>
        Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar).Any(part => SkippedFolders.Contains(part)));

    [GeneratedRegex(@"\[[^\]]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    /// <summary>A code span, delimited by a run of backticks (<c>``…``</c> may hold single ones).</summary>
    [GeneratedRegex("(?<ticks>`+).+?\\k<ticks>")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex Heading();

    /// <summary><c>HelpLinks.Page("secrets.md")</c> in generated text, <c>docs/sidecars/logging.md</c> in a comment.</summary>
    [GeneratedRegex(@"HelpLinks\.Page\(""(?<page>[^""]+)""\)|\bdocs/(?<page>[\w./-]+?\.md)\b")]
    private static partial Regex DocsPage();

    /// <summary>"README" that is not the name of a file (README.md), as in <c>(README, "Identities")</c>.</summary>
    [GeneratedRegex(@"\bREADME\b(?!\.md)")]
    private static partial Regex BareReadme();
}
