using SidecarGen.Rules;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests;

/// <summary>
/// Every diagnostic has its page in docs/diagnostics/, linked from the diagnostic, listed in docs/diagnostics/README.md;
/// the severity both state is the descriptor's (the one place it lives), so neither drifts from the code.
/// </summary>
public sealed class DiagnosticDocsTests
{
    public static TheoryData<string> Ids => new(DiagnosticDescriptors.All.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_rule_has_a_page_with_what_why_bad_good_and_how_to_suppress(string id)
    {
        var page = Path.Combine(Repository.Root, "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), $"{id} has no page at {page}");
        var text = File.ReadAllText(page);
        Assert.StartsWith("# " + id + ":", text);
        Assert.Contains("| Severity | " + DiagnosticDescriptors.For(id).DefaultSeverity + " |", text);
        foreach (var section in new[] { "## What it means", "## Why", "## Bad", "## Good", "## How to fix", "## Suppress" })
        {
            Assert.True(text.Contains(section, StringComparison.Ordinal), $"{id}.md lacks '{section}'");
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_rule_links_to_its_page_and_is_listed_in_the_index_and_release_tracking(string id)
    {
        var descriptor = DiagnosticDescriptors.For(id);
        Assert.EndsWith("docs/diagnostics/" + id + ".md", descriptor.HelpLinkUri);
        Assert.Equal("SidecarGen", descriptor.Category);
        Assert.Contains($"| [{id}]({id}.md) | {descriptor.DefaultSeverity} |", File.ReadAllText(Path.Combine(Repository.Root, "docs", "diagnostics", "README.md")));
        Assert.Contains(id + " | SidecarGen | " + descriptor.DefaultSeverity, File.ReadAllText(Path.Combine(Repository.Root, "src", "SidecarGen", "AnalyzerReleases.Unshipped.md")));
    }
}
