using System.Collections.Concurrent;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Runtime;

/// <summary>The runtime tests run one at a time: each starts a whole stack on the one engine.</summary>
[CollectionDefinition(Name)]
public sealed class RuntimeCollection : ICollectionFixture<RuntimeFixture>
{
    public const string Name = "Runtime";
}

/// <summary>
/// What the runtime tests share: the engine, the base image and the sample apps, each published once
/// per run. Everything is created on first use, after the test has checked that an engine exists.
/// </summary>
public sealed class RuntimeFixture : IDisposable
{
    private readonly ConcurrentDictionary<string, bool> built = new();
    private readonly ConcurrentDictionary<string, Lazy<string>> publishedApps = new();
    private ContainerEngine? engine;
    private RuntimeImages? images;

    internal ContainerEngine Engine => engine ??= ContainerEngine.Require();

    internal RuntimeImages Images => images ??= new RuntimeImages(Engine);

    /// <summary>
    /// Builds an image for every service of <paramref name="file"/>: samples/PaymentService as
    /// <paramref name="appImage"/>, a stand-in for each pinned sidecar image, the plain base image
    /// for each of <paramref name="customImages"/>; any other image fails the test.
    /// </summary>
    internal void BuildImages(ComposeFile file, string appImage, params string[] customImages) =>
        BuildImages(file, new Dictionary<string, string> { [appImage] = "PaymentService" }, customImages);

    /// <summary>
    /// Builds an image for every service of <paramref name="file"/>: for each entry of
    /// <paramref name="apps"/>, the sample project it names (a path under samples/, its last part the
    /// project's name) published as that image; a stand-in for each pinned sidecar image; the plain
    /// base image for each of <paramref name="customImages"/>. Any other image fails the test.
    /// </summary>
    internal void BuildImages(ComposeFile file, IReadOnlyDictionary<string, string> apps, params string[] customImages)
    {
        foreach (var image in file.Services.Keys.Select(file.Image).Distinct())
        {
            if (!built.TryAdd(image, true))
            {
                continue;
            }

            if (apps.TryGetValue(image, out var sample))
            {
                Images.BuildApp(image, publishedApps.GetOrAdd(sample, name => new Lazy<string>(() => Publish(name))).Value, Path.GetFileName(sample));
            }
            else if (customImages.Contains(image))
            {
                Images.Build("plain", new[] { image });
            }
            else
            {
                Images.BuildStandIn(image);
            }
        }
    }

    /// <summary>
    /// Builds tests/runtime/images/<paramref name="role"/> as <paramref name="image"/> (once per run), e.g. an
    /// app of the test's own that a generated file names; <see cref="BuildImages(ComposeFile, IReadOnlyDictionary{string, string}, string[])"/> then leaves it as it is.
    /// </summary>
    internal void BuildImage(string role, string image)
    {
        if (built.TryAdd(image, true))
        {
            Images.Build(role, new[] { image });
        }
    }

    /// <summary>The etcd image under a name of the test's own, for the real etcd server beside a stack.</summary>
    internal string EtcdServerImage()
    {
        const string image = "sidecargen-runtime/etcd-server:local";
        if (built.TryAdd(image, true))
        {
            Images.Build("etcd", new[] { image });
        }

        return image;
    }

    public void Dispose()
    {
        foreach (var app in publishedApps.Values.Where(app => app.IsValueCreated))
        {
            Directory.Delete(Path.GetDirectoryName(app.Value)!, recursive: true);
        }
    }

    /// <summary>
    /// samples/<paramref name="sample"/>, published framework-dependent with invariant globalization.
    /// It uses the projects the test run has already built (in this test assembly's configuration), so
    /// it builds nothing another test project is building at the same time.
    /// </summary>
    private string Publish(string sample)
    {
        var project = Path.Combine(ContainerEngine.RepositoryRoot, "samples", sample, Path.GetFileName(sample) + ".csproj");
        var output = Path.Combine(Directory.CreateTempSubdirectory("sidecargen-sample-").FullName, "app");
        var (exitCode, log) = Processes.Run("dotnet", new[]
        {
            "publish", project,
            "-c", Configuration, "-o", output, "-p:BuildProjectReferences=false", "-p:InvariantGlobalization=true", "-p:UseAppHost=false", "-nodeReuse:false",
        }, new Dictionary<string, string> { ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" }, timeoutSeconds: 600);
        Assert.True(exitCode == 0, $"dotnet publish samples/{sample} failed:\n" + log);
        return output;
    }

    /// <summary>Debug or Release: the folder above bin/&lt;configuration&gt;/&lt;tfm&gt;/ this assembly runs from.</summary>
    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
}
