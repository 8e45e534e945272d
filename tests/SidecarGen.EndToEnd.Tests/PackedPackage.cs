namespace SidecarGen.EndToEnd.Tests;

/// <summary>
/// The SidecarGen nupkg and the SidecarGen.Templates nupkg beside it, packed once per test run (shared by every class through <see cref="PackedPackageCollection"/>) from this repository with a version no NuGet cache
/// has seen, into a temporary feed folder.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    public PackedPackage()
    {
        Root = Directory.CreateTempSubdirectory("sidecargen-e2e-").FullName;
        Feed = Path.Combine(Root, "feed");
        Version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Environment.ProcessId;
        // Restored without the version, as every other build of the repository restores it: a restore with
        // it would rewrite the projects' obj/project.assets.json while other test processes build them.
        DotNet.Succeed(RepositoryRoot, "restore", "src/SidecarGen.Package/SidecarGen.Package.csproj");
        DotNet.Succeed(RepositoryRoot, "pack", "src/SidecarGen.Package/SidecarGen.Package.csproj", "--no-restore", "-c", "Release", "-o", Feed, "-p:Version=" + Version);
        Assert.True(File.Exists(Path.Combine(Feed, $"SidecarGen.{Version}.nupkg")));
        DotNet.Succeed(RepositoryRoot, "restore", "src/SidecarGen.Templates/SidecarGen.Templates.csproj");
        DotNet.Succeed(RepositoryRoot, "pack", "src/SidecarGen.Templates/SidecarGen.Templates.csproj", "--no-restore", "-c", "Release", "-o", Feed, "-p:Version=" + Version);
        Assert.True(File.Exists(Templates));
    }

    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    public string Templates => Path.Combine(Feed, $"SidecarGen.Templates.{Version}.nupkg");

    public static string RepositoryRoot
    {
        get
        {
            for (var directory = AppContext.BaseDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
            {
                if (File.Exists(Path.Combine(directory, "SidecarGen.sln")))
                {
                    return directory;
                }
            }

            throw new InvalidOperationException("SidecarGen.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
