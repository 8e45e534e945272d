namespace SidecarGen.Tests.Runtime;

/// <summary>
/// The images the runtime tests run, built locally (no registry is reachable): the base root
/// filesystem from tests/runtime/base-image.sh (cached in the engine by its inputs), and per-role
/// images from tests/runtime/images/&lt;role&gt;, tagged with the exact references the generated
/// Compose files name, so those files run unchanged.
/// </summary>
internal sealed class RuntimeImages(ContainerEngine engine)
{
    private readonly Lazy<string> baseImage = new(() =>
    {
        var (exitCode, output) = engine.Shell(ContainerEngine.Script("base-image.sh") + " 2>&1", timeoutSeconds: 600);
        Assert.True(exitCode == 0, "base-image.sh failed:\n" + output);
        return output.Trim().Split('\n')[^1];
    });

    public string Base => baseImage.Value;

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
}
