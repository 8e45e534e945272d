namespace SidecarGen.Tests.Infrastructure;

/// <summary>
/// A real program a test runs on generated config (nginx, etcd). CI installs them (.ci/run) and a
/// missing one fails there; on a developer machine without it the test is skipped, not failed.
/// </summary>
internal static class RealTool
{
    public static string Require(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH")!.Split(Path.PathSeparator)
            .Concat(new[] { "/usr/sbin", "/sbin" })
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
        if (path is null && Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail($"{program} is not installed; .ci/run installs it");
        }

        Skip.If(path is null, $"{program} is not installed (apt-get install it to run this test)");
        return path!;
    }
}
