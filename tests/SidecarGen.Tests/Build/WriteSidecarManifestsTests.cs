namespace SidecarGen.Tests.Build;

/// <summary>The task's promises: exact files, atomic and only-when-changed writes, nothing it did not write touched.</summary>
public sealed class WriteSidecarManifestsTests : IDisposable
{
    private readonly TaskHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public void Writes_every_embedded_file_byte_for_byte()
    {
        Assert.True(harness.Write(harness.Assembly("Generated", ("kubernetes/deployment.yaml", "kind: Deployment\n"), ("compose/config/logging/fluent-bit.conf", "[SERVICE]\n    Flush 1\n"))));

        Assert.Equal(new[] { "compose/config/logging/fluent-bit.conf", "kubernetes/deployment.yaml" }, harness.Files());
        Assert.Equal("kind: Deployment\n", harness.Read("kubernetes/deployment.yaml"));
        Assert.Equal(new byte[] { (byte)'k' }, File.ReadAllBytes(Path.Combine(harness.Output, "kubernetes/deployment.yaml")).Take(1));
        Assert.Contains("2 written, 0 unchanged, 0 removed", harness.BuildEngine.Messages.Last());
    }

    [Fact]
    public void A_systems_summary_is_kept_for_the_build_to_print_and_removed_when_there_is_none()
    {
        var summaryFile = Path.Combine(harness.Root, "obj", "sidecargen.summary.txt");
        var system = harness.AssemblyWith(("SidecarGen.Status", "Generated"), ("SidecarGen.Summary", "SidecarGen: shop: http://localhost:8080 -> storefront"), ("SidecarGen.File:compose/compose.yaml", "name: shop\n"));

        var task = new SidecarGen.Build.WriteSidecarManifests { AssemblyPath = system, OutputDirectory = harness.Output, StateFile = harness.StateFile, SummaryFile = summaryFile, BuildEngine = harness.BuildEngine };
        Assert.True(task.Execute());
        Assert.Equal("SidecarGen: shop: http://localhost:8080 -> storefront\n", File.ReadAllText(summaryFile));

        task.AssemblyPath = harness.Assembly("Generated", ("compose/compose.yaml", "name: shop\n"));
        Assert.True(task.Execute());
        Assert.False(File.Exists(summaryFile));
    }

    [Fact]
    public void An_unchanged_file_keeps_its_timestamp_and_a_changed_one_is_rewritten()
    {
        harness.Write(harness.Assembly("Generated", ("kubernetes/a.yaml", "a: 1\n"), ("kubernetes/b.yaml", "b: 1\n")));
        var a = Path.Combine(harness.Output, "kubernetes/a.yaml");
        var b = Path.Combine(harness.Output, "kubernetes/b.yaml");
        var old = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(a, old);
        File.SetLastWriteTimeUtc(b, old);

        harness.Write(harness.Assembly("Generated", ("kubernetes/a.yaml", "a: 1\n"), ("kubernetes/b.yaml", "b: 2\n")));

        Assert.Equal(old, File.GetLastWriteTimeUtc(a));
        Assert.NotEqual(old, File.GetLastWriteTimeUtc(b));
        Assert.Equal("b: 2\n", harness.Read("kubernetes/b.yaml"));
        Assert.DoesNotContain(Directory.EnumerateFiles(harness.Output, "*.tmp", SearchOption.AllDirectories), _ => true);
    }

    [Fact]
    public void Removes_what_it_wrote_before_and_no_longer_generates_but_never_a_users_file()
    {
        harness.Write(harness.Assembly("Generated", ("kubernetes/deployment.yaml", "x\n"), ("compose/config/logging/fluent-bit.conf", "y\n")));
        File.WriteAllText(Path.Combine(harness.Output, "kubernetes", "notes.md"), "mine");

        harness.Write(harness.Assembly("Generated", ("kubernetes/deployment.yaml", "x\n")));

        Assert.Equal(new[] { "kubernetes/deployment.yaml", "kubernetes/notes.md" }, harness.Files());
        Assert.False(Directory.Exists(Path.Combine(harness.Output, "compose")));
    }

    [Fact]
    public void While_errors_stand_the_previous_manifests_stay()
    {
        harness.Write(harness.Assembly("Generated", ("kubernetes/deployment.yaml", "good\n")));

        Assert.True(harness.Write(harness.BlockedAssembly("SCG0016: An item of Args contains a NUL character\nSCG0007: The sidecar name 'pod' is reserved"), out var task));

        Assert.Equal("good\n", harness.Read("kubernetes/deployment.yaml"));
        Assert.Single(task.WrittenFiles);
        Assert.True(task.Blocked);
        Assert.Empty(harness.BuildEngine.Errors);
        var warning = Assert.Single(harness.BuildEngine.Messages, m => m.StartsWith("SCG1003: ", StringComparison.Ordinal));
        Assert.Contains("did not update the manifests in '" + harness.Output + "'", warning);
        Assert.Contains("1 file(s) from an earlier build left as they were", warning);
        Assert.Contains("SCG0016: An item of Args contains a NUL character; SCG0007: The sidecar name 'pod' is reserved", warning);
    }

    [Fact]
    public void A_blocked_first_build_says_that_nothing_was_written()
    {
        Assert.True(harness.Write(harness.BlockedAssembly("SCG0016: x"), out var task));

        Assert.True(task.Blocked);
        Assert.Empty(harness.Files());
        Assert.Contains(harness.BuildEngine.Messages, m => m.StartsWith("SCG1003: ", StringComparison.Ordinal) && m.Contains("(none written)") && m.Contains("SCG0016: x"));
    }

    [Fact]
    public void A_generated_build_is_not_blocked_and_warns_nothing()
    {
        Assert.True(harness.Write(harness.Assembly("Generated", ("kubernetes/deployment.yaml", "good\n")), out var task));

        Assert.False(task.Blocked);
        Assert.DoesNotContain(harness.BuildEngine.Messages, m => m.StartsWith("SCG1003", StringComparison.Ordinal));
    }

    [Fact]
    public void A_project_without_a_service_any_more_loses_the_manifests_it_had()
    {
        harness.Write(harness.Assembly("Generated", ("kubernetes/deployment.yaml", "x\n")));

        harness.Write(harness.Assembly(status: null));

        Assert.Empty(harness.Files());
        Assert.Equal(string.Empty, File.ReadAllText(harness.StateFile));
        var warning = Assert.Single(harness.BuildEngine.Messages, m => m.StartsWith("SCG0044: ", StringComparison.Ordinal));
        Assert.Contains("removed the 1 manifest file(s) it had written to '" + harness.Output + "'", warning);
        Assert.Contains("no [SidecarService] or sidecar attribute on its Program", warning);
        Assert.Contains("ASP0027", warning);
    }

    [Fact]
    public void Switching_every_output_off_says_why_the_manifests_went()
    {
        harness.Write(harness.Assembly("Generated", ("kubernetes/deployment.yaml", "x\n")));

        harness.Write(harness.Assembly("Generated"));

        Assert.Empty(harness.Files());
        Assert.Contains(harness.BuildEngine.Messages, m => m.StartsWith("SCG0044: ", StringComparison.Ordinal) && m.Contains("outputs are switched off", StringComparison.Ordinal));
    }

    [Fact]
    public void Fewer_files_or_none_ever_written_warn_nothing()
    {
        harness.Write(harness.Assembly(status: null));
        harness.Write(harness.Assembly("Generated", ("kubernetes/deployment.yaml", "x\n"), ("kubernetes/service.yaml", "y\n")));
        harness.Write(harness.Assembly("Generated", ("kubernetes/deployment.yaml", "x\n")));

        Assert.DoesNotContain(harness.BuildEngine.Messages, m => m.StartsWith("SCG0044", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("../escape.yaml")]
    [InlineData("kubernetes/../../escape.yaml")]
    [InlineData("/etc/passwd")]
    [InlineData("kubernetes//double.yaml")]
    public void Refuses_a_path_outside_the_output_folder(string path)
    {
        Assert.False(harness.Write(harness.Assembly("Generated", (path, "x"))));

        Assert.Contains(harness.BuildEngine.Errors, error => error.StartsWith("SCG1001", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(harness.Root, "escape.yaml")));
    }

    [Fact]
    public void Clean_deletes_exactly_what_the_state_file_lists()
    {
        harness.Write(harness.Assembly("Generated", ("kubernetes/deployment.yaml", "x\n")));
        File.WriteAllText(Path.Combine(harness.Output, "kubernetes", "notes.md"), "mine");

        var clean = new SidecarGen.Build.DeleteSidecarManifests { OutputDirectory = harness.Output, StateFile = harness.StateFile, BuildEngine = harness.BuildEngine };
        Assert.True(clean.Execute());

        Assert.Equal(new[] { "kubernetes/notes.md" }, harness.Files());
        Assert.False(File.Exists(harness.StateFile));
    }
}
