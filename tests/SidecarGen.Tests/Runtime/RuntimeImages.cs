namespace SidecarGen.Tests.Runtime;

/// <summary>
/// The images the runtime tests run, built locally (no registry is reachable): the base root
/// filesystem from tests/runtime/base-image.sh (cached in the engine by its inputs), and per-role
/// images from tests/runtime/images/&lt;role&gt;, tagged with the exact references the generated
/// Compose files name, so those files run unchanged.
/// </summary>
internal sealed class RuntimeImages(ContainerEngine engine)
{
    /// <summary>
    /// The pinned images the generated files name, by repository, and the stand-in built for each
    /// (tests/runtime/images/&lt;role&gt;/Dockerfile says what it differs in).
    /// </summary>
    private static readonly Dictionary<string, string> StandIns = new()
    {
        ["busybox:"] = "busybox",
        ["nginxinc/nginx-unprivileged:"] = "nginx",
        ["bitnami/etcd:"] = "etcd",
        ["quay.io/oauth2-proxy/oauth2-proxy:"] = "oauth2-proxy",
        ["envoyproxy/envoy:"] = "envoy",
        ["otel/opentelemetry-collector-contrib:"] = "otel-collector",
        ["cr.fluentbit.io/fluent/fluent-bit:"] = "fluent-bit",
    };

    private readonly Lazy<string> baseImage = new(() =>
    {
        var (exitCode, output) = engine.Shell(ContainerEngine.Script("base-image.sh") + " 2>&1", timeoutSeconds: 600);
        Assert.True(exitCode == 0, "base-image.sh failed:\n" + output);
        return output.Trim().Split('\n')[^1];
    });

    public string Base => baseImage.Value;

    /// <summary>Builds the stand-in of <paramref name="image"/>, a pinned image a generated file names, tagged as it; fails the test for an image without one.</summary>
    public void BuildStandIn(string image)
    {
        var role = StandIns.Where(standIn => image.StartsWith(standIn.Key, StringComparison.Ordinal)).Select(standIn => standIn.Value).FirstOrDefault();
        Assert.True(role is not null, $"The generated Compose file names {image}, which has no local stand-in; add one to {nameof(RuntimeImages)}.{nameof(StandIns)} and tests/runtime/images");
        Build(role!, new[] { image });
    }

    /// <summary>
    /// Builds the app image <paramref name="image"/> (tests/runtime/images/app) from an app published
    /// framework-dependent with invariant globalization into <paramref name="published"/>, whose assembly is
    /// <paramref name="assembly"/>: its context holds app/ (the published app) and dotnet/ (the host and the
    /// two shared frameworks of the .NET runtime this test runs on).
    /// </summary>
    public void BuildApp(string image, string published, string assembly) =>
        Build("app", new[] { image }, context =>
        {
            CopyFolder(published, Path.Combine(context, "app"));
            var netCore = Path.GetDirectoryName(typeof(object).Assembly.Location)!; // <root>/shared/Microsoft.NETCore.App/<version>
            var version = Path.GetFileName(netCore);
            var root = Path.GetFullPath(Path.Combine(netCore, "..", "..", ".."));
            var dotnet = Directory.CreateDirectory(Path.Combine(context, "dotnet")).FullName;
            File.Copy(Path.Combine(root, "dotnet"), Path.Combine(dotnet, "dotnet"));
            CopyFolder(Path.Combine(root, "host"), Path.Combine(dotnet, "host"));
            foreach (var framework in new[] { "Microsoft.NETCore.App", "Microsoft.AspNetCore.App" })
            {
                var folder = Path.Combine(root, "shared", framework, version);
                Assert.True(Directory.Exists(folder), $"{folder} is missing: the app image needs ASP.NET Core {version} beside .NET {version}");
                CopyFolder(folder, Path.Combine(dotnet, "shared", framework, version));
            }
        }, new Dictionary<string, string> { ["APP"] = assembly });

    /// <summary>
    /// Builds tests/runtime/images/<paramref name="role"/> (plus <paramref name="extraContext"/>, copied in)
    /// as each of <paramref name="tags"/>, with <paramref name="buildArguments"/> beside BASE.
    /// </summary>
    public void Build(string role, IEnumerable<string> tags, Action<string>? extraContext = null, IReadOnlyDictionary<string, string>? buildArguments = null)
    {
        var context = Directory.CreateTempSubdirectory("sidecargen-image-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(ContainerEngine.RepositoryRoot, "tests", "runtime", "images", role)))
            {
                File.Copy(file, Path.Combine(context, Path.GetFileName(file)));
                File.SetUnixFileMode(Path.Combine(context, Path.GetFileName(file)), File.GetUnixFileMode(file));
            }

            extraContext?.Invoke(context);
            var arguments = new List<string> { "build", "--quiet", "--build-arg", "BASE=" + Base };
            foreach (var (name, value) in buildArguments ?? new Dictionary<string, string>())
            {
                arguments.AddRange(new[] { "--build-arg", name + "=" + value });
            }

            foreach (var tag in tags)
            {
                arguments.AddRange(new[] { "--tag", tag });
            }

            arguments.Add(context);
            engine.Docker(arguments, new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = "0" });
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
            File.SetUnixFileMode(Path.Combine(to, Path.GetRelativePath(from, file)), File.GetUnixFileMode(file));
        }
    }
}
