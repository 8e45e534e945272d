using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Runtime;

/// <summary>
/// The Docker Engine and Docker Compose the runtime tests drive: the private one that
/// tests/runtime/engine.sh installs and starts (it leaves an env file behind). CI runs engine.sh
/// before the tests (.ci/run) and a missing engine fails there; elsewhere the tests skip.
/// </summary>
internal sealed class ContainerEngine
{
    private static readonly Lazy<ContainerEngine?> Found = new(Find);

    private ContainerEngine(IReadOnlyDictionary<string, string> environment) => Environment = environment;

    /// <summary>DOCKER_HOST, DOCKER_CONFIG and PATH pointing at the engine.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    public static string Script(string name) => Path.Combine(RepositoryRoot, "tests", "runtime", name);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static ContainerEngine Require()
    {
        var engine = Found.Value;
        if (engine is null && System.Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail($"No container engine answers; .ci/run starts one with {Script("engine.sh")}");
        }

        Skip.If(engine is null, $"No container engine; run {Script("engine.sh")} (as root) to run the runtime tests");
        return engine!;
    }

    /// <summary>Runs docker with the engine's environment; fails the test with its output unless it succeeds.</summary>
    public string Docker(params string[] arguments) => Docker(arguments, null);

    public string Docker(IEnumerable<string> arguments, IDictionary<string, string>? environment, int timeoutSeconds = 300)
    {
        var (exitCode, output) = TryDocker(arguments, environment, timeoutSeconds);
        Assert.True(exitCode == 0, $"docker {string.Join(' ', arguments)} exited with {exitCode}:\n{output}");
        return output;
    }

    public (int ExitCode, string Output) TryDocker(IEnumerable<string> arguments, IDictionary<string, string>? environment = null, int timeoutSeconds = 300)
    {
        var merged = new Dictionary<string, string>(Environment);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            merged[key] = value;
        }

        return Processes.Run(Executable, arguments, merged, timeoutSeconds);
    }

    public (int ExitCode, string Output) Shell(string script, int timeoutSeconds = 300) =>
        Processes.Run("/bin/sh", new[] { "-c", script }, new Dictionary<string, string>(Environment), timeoutSeconds);

    private string Executable => Environment["PATH"].Split(':').Select(folder => Path.Combine(folder, "docker")).First(File.Exists);

    private static ContainerEngine? Find()
    {
        var folder = System.Environment.GetEnvironmentVariable("SIDECARGEN_ENGINE_DIR")
            ?? Path.Combine(System.Environment.GetEnvironmentVariable("XDG_CACHE_HOME") ?? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".cache"), "sidecargen", "engine");
        var file = Path.Combine(folder, "env");
        if (!File.Exists(file))
        {
            return null;
        }

        // Lines of the form: export NAME=VALUE (PATH ends in $PATH).
        var environment = File.ReadAllLines(file)
            .Where(line => line.StartsWith("export ", StringComparison.Ordinal))
            .Select(line => line["export ".Length..].Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1].Replace("$PATH", System.Environment.GetEnvironmentVariable("PATH"), StringComparison.Ordinal));
        var engine = new ContainerEngine(environment);
        return engine.TryDocker(new[] { "version", "--format", "{{.Server.Version}}" }, timeoutSeconds: 20).ExitCode == 0
            && engine.TryDocker(new[] { "compose", "version" }, timeoutSeconds: 20).ExitCode == 0
            ? engine
            : null;
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SidecarGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("SidecarGen.sln not found above " + AppContext.BaseDirectory);
    }
}
