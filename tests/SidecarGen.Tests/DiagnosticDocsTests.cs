using System.Runtime.CompilerServices;
using SidecarGen.Rules;

namespace SidecarGen.Tests;

/// <summary>Every diagnostic has its page in docs/diagnostics/, linked from the diagnostic, listed in the README.</summary>
public sealed class DiagnosticDocsTests
{
    public static TheoryData<string> Ids => new(DiagnosticDescriptors.All.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_rule_has_a_page_with_what_why_bad_good_and_how_to_suppress(string id)
    {
        var page = Path.Combine(RepositoryRoot(), "docs", "diagnostics", id + ".md");
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
        Assert.Contains($"[{id}](docs/diagnostics/{id}.md)", File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")));
        Assert.Contains(id + " | SidecarGen | " + descriptor.DefaultSeverity, File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "SidecarGen", "AnalyzerReleases.Unshipped.md")));
    }

    private static string RepositoryRoot([CallerFilePath] string caller = "")
    {
        for (var directory = Path.GetDirectoryName(caller); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "SidecarGen.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException("Repository root not found from " + caller);
    }
}
