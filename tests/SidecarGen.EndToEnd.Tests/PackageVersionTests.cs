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

        var before = NuGetVersion(PackageVersion(clone));
        Git(clone, "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "--quiet", "--allow-empty", "-m", "one more");
        var after = NuGetVersion(PackageVersion(clone));

        Assert.Equal("0.2.0-alpha.0", before.Release);
        Assert.Equal("0.2.0-alpha.0", after.Release);
        Assert.Equal(before.Height + 1, after.Height);
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

    private static (string Release, int Height) NuGetVersion(string version)
    {
        var lastDot = version.LastIndexOf('.');
        return (version[..lastDot], int.Parse(version[(lastDot + 1)..], System.Globalization.CultureInfo.InvariantCulture));
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
        Git(clone, ["fetch", "--quiet", .. fetchOptions, "file://" + PackedPackage.RepositoryRoot, Git(PackedPackage.RepositoryRoot, "rev-parse", "HEAD").Trim()]);
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
