using System.Diagnostics;

namespace SidecarGen.EndToEnd.Tests;

/// <summary>
/// The package version comes from git (MinVer, src/Directory.Build.props): in a fresh clone each commit packs
/// a higher version than its parent, so a consumer's NuGet cache never hands back an older SidecarGen under the
/// same number; a shallow clone still packs; a version on the command line wins, as this project's packs use it.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class PackageVersionTests : IDisposable
{
    private const string PackageProject = "src/SidecarGen.Package/SidecarGen.Package.csproj";

    private readonly string root = Directory.CreateTempSubdirectory("sidecargen-version-").FullName;

    [Fact]
    public void A_commit_in_a_fresh_clone_packs_a_higher_version_than_its_parent()
    {
        var clone = Clone("clone");

        var before = PackageVersion(clone);
        Git(clone, "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "--quiet", "--allow-empty", "-m", "one more");
        var after = PackageVersion(clone);

        Assert.Equal(NextHeight(before), after);
    }

    /// <summary>
    /// The version one commit later: MinVer counts the commits since the root as the last part, and leaves a
    /// height of 0 out. A repository with its history packs <c>0.2.0-alpha.0.&lt;n&gt;</c>; cloned from a
    /// shallow checkout (a CI checkout of depth 1), the tip has height 0, so the next commit packs <c>.1</c>.
    /// </summary>
    private static string NextHeight(string version)
    {
        const string Release = "0.2.0-alpha.0";
        if (version == Release)
        {
            return Release + ".1";
        }

        Assert.StartsWith(Release + ".", version);
        return Release + "." + (int.Parse(version[(Release.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void A_shallow_clone_still_packs()
    {
        var clone = Clone("shallow", "--depth", "1");

        // Only the tip is there, so no height: every shallow clone of every commit packs the same version.
        Assert.Equal("0.2.0-alpha.0", PackageVersion(clone));
    }

    [Fact]
    public void A_version_on_the_command_line_wins()
    {
        Assert.Equal("7.7.7-given", PackageVersion(PackedPackage.RepositoryRoot, "-p:Version=7.7.7-given"));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>The PackageVersion pack would use, after MinVer's target has run.</summary>
    private static string PackageVersion(string repository, params string[] properties)
    {
        var output = DotNet.Succeed(repository, ["msbuild", PackageProject, "-restore", "-nologo", "-t:MinVer", "-getProperty:PackageVersion", .. properties]);
        return output.Trim();
    }

    /// <summary>This repository's HEAD commit fetched into a new repository, as CI's checkout does (a detached HEAD too).</summary>
    private string Clone(string name, params string[] fetchOptions)
    {
        var clone = Path.Combine(root, name);
        Git(root, "init", "--quiet", clone);
        // --update-shallow: a shallow checkout (CI's, at depth 1) is a source git otherwise fetches nothing from.
        Git(clone, ["fetch", "--quiet", "--update-shallow", .. fetchOptions, "file://" + PackedPackage.RepositoryRoot, Git(PackedPackage.RepositoryRoot, "rev-parse", "HEAD").Trim()]);
        Git(clone, "checkout", "--quiet", "FETCH_HEAD");
        return clone;
    }

    private static string Git(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{error}");
        return output;
    }
}
