using SidecarGen.Rules;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests;

/// <summary>Every diagnostic has its page in docs/diagnostics/, linked from the diagnostic, listed in the README.</summary>
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
        foreach (var section in new[] { "## What it means", "## Why", "## Bad", "## Good", "## How to fix", "## Suppress" })
        {
            Assert.True(text.Contains(section, StringComparison.Ordinal), $"{id}.md lacks '{section}'");
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_rule_links_to_its_page_and_is_listed_in_the_readme_and_release_tracking(string id)
    {
        var descriptor = DiagnosticDescriptors.For(id);
        Assert.EndsWith("docs/diagnostics/" + id + ".md", descriptor.HelpLinkUri);
        Assert.Equal("SidecarGen", descriptor.Category);
        Assert.Contains($"[{id}](docs/diagnostics/{id}.md)", File.ReadAllText(Path.Combine(Repository.Root, "README.md")));
        Assert.Contains(id + " | SidecarGen | " + descriptor.DefaultSeverity, File.ReadAllText(Path.Combine(Repository.Root, "src", "SidecarGen", "AnalyzerReleases.Unshipped.md")));
    }
}
