using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace SidecarGen.Tests.Runtime;

/// <summary>
/// A generated Compose file started for real: the generated compose/ files (the generator's, or those a
/// build wrote into deploy/) written to a folder exactly as the build writes them, plus (optionally) a file of the test's own services (a real
/// etcd), run with <c>docker compose</c> and taken down with its volumes when disposed.
/// </summary>
internal sealed class ComposeStack : IDisposable
{
    private const string TestServicesFile = "test-services.yaml";
    private readonly ContainerEngine engine;
    private readonly IDictionary<string, string> environment;
    private readonly bool testServices;

    /// <param name="files">The generated files by their path under deploy/ (<c>compose/compose.yaml</c>, …); only compose/ is used.</param>
    public ComposeStack(ContainerEngine engine, IReadOnlyDictionary<string, string> files, IDictionary<string, string> environment, string? testServicesYaml = null)
    {
        this.engine = engine;
        this.environment = environment;
        Folder = Directory.CreateTempSubdirectory("sidecargen-runtime-").FullName;
        File.SetUnixFileMode(Folder, (UnixFileMode)0b111_101_101);
        foreach (var (path, text) in files.Where(file => file.Key.StartsWith("compose/", StringComparison.Ordinal)))
        {
            var target = Path.Combine(Folder, path["compose/".Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, text);
        }

        Generated = new ComposeFile(File.ReadAllText(Path.Combine(Folder, "compose.yaml")));
        testServices = testServicesYaml is not null;
        if (testServicesYaml is not null)
        {
            File.WriteAllText(Path.Combine(Folder, TestServicesFile), testServicesYaml);
        }
    }

    public string Folder { get; }

    /// <summary>The generated compose.yaml, parsed.</summary>
    public ComposeFile Generated { get; }

    public string Project => Generated.Name;

    public string Compose(params string[] arguments) => engine.Docker(ComposeArguments(arguments), environment, timeoutSeconds: 300);

    public (int ExitCode, string Output) TryCompose(params string[] arguments) => engine.TryDocker(ComposeArguments(arguments), environment, timeoutSeconds: 300);

    /// <summary><c>up --wait</c>: every service running, and healthy where it has a healthcheck. Fails with the stack's logs.</summary>
    public void Up(params string[] services)
    {
        var (exitCode, output) = TryCompose(new[] { "up", "--detach", "--wait", "--wait-timeout", "180" }.Concat(services).ToArray());
        Assert.True(exitCode == 0, $"docker compose up failed ({exitCode}):\n{output}\n{Diagnose()}");
    }

    /// <summary>The stack's state and logs, for a failure message.</summary>
    public string Diagnose() =>
        TryCompose("ps", "--all").Output + "\n" + TryCompose("logs", "--no-color", "--timestamps").Output;

    /// <summary>The id of the one container of a service.</summary>
    public string Container(string service)
    {
        var id = Compose("ps", "--all", "--quiet", service).Trim();
        Assert.False(string.IsNullOrEmpty(id), $"no container for service {service}\n{Diagnose()}");
        return id;
    }

    public string Inspect(string container, string format) => engine.Docker("inspect", "--format", format, container).Trim();

    /// <summary>The uid a container's main process runs as, read from the host's /proc.</summary>
    public int ProcessUid(string container)
    {
        var pid = Inspect(container, "{{.State.Pid}}");
        var uidLine = File.ReadAllLines($"/proc/{pid}/status").Single(line => line.StartsWith("Uid:", StringComparison.Ordinal));
        return int.Parse(uidLine.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1]);
    }

    /// <summary>Container events of this project since <paramref name="since"/>: (service, action, time).</summary>
    public IReadOnlyList<(string Service, string Action, long TimeNano)> Events(DateTimeOffset since)
    {
        var output = engine.Docker("events", "--since", since.ToUnixTimeSeconds().ToString(), "--until", DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString(),
            "--filter", "type=container", "--filter", "label=com.docker.compose.project=" + Project, "--format", "{{json .}}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(e => (e.GetProperty("Actor").GetProperty("Attributes").GetProperty("com.docker.compose.service").GetString()!, e.GetProperty("Action").GetString()!, e.GetProperty("timeNano").GetInt64()))
            .ToList();
    }

    /// <summary>Containers and volumes Docker still holds for this project.</summary>
    public (string Containers, string Volumes) Leftovers() =>
        (engine.Docker("ps", "--all", "--quiet", "--filter", "label=com.docker.compose.project=" + Project).Trim(),
         engine.Docker("volume", "ls", "--quiet", "--filter", "label=com.docker.compose.project=" + Project).Trim());

    /// <summary>Polls <paramref name="condition"/> (HTTP failures count as "not yet") until it holds; fails with the stack's logs.</summary>
    public async Task Eventually(Func<Task<bool>> condition, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}\n{Diagnose()}");
            await Task.Delay(250);
        }
    }

    /// <summary>
    /// Every running container's process runs as 10001 on a read-only root filesystem; a container
    /// that has ended (a one-shot helper) exited 0.
    /// </summary>
    public void AssertEveryContainerRestricted()
    {
        foreach (var service in Generated.Services.Keys)
        {
            var container = Container(service);
            if (Inspect(container, "{{.State.Running}}") != "true")
            {
                Assert.Equal("0", Inspect(container, "{{.State.ExitCode}}"));
                continue;
            }

            Assert.Equal(10001, ProcessUid(container));
            Assert.Equal("true", Inspect(container, "{{.HostConfig.ReadonlyRootfs}}"));
        }
    }

    /// <summary>
    /// <c>stop</c> ends every container by SIGTERM (none is killed when the grace period ends, exit
    /// 137), and <c>down --volumes</c> leaves no container and no volume behind.
    /// </summary>
    public void AssertStopsOnSigtermAndLeavesNothing()
    {
        Compose("stop", "--timeout", "20");
        foreach (var service in Generated.Services.Keys)
        {
            Assert.True(Inspect(Container(service), "{{.State.ExitCode}}") != "137", $"{service} ignored SIGTERM and was killed\n{Diagnose()}");
        }

        Down();
        Assert.Equal((string.Empty, string.Empty), Leftovers());
    }

    public void Down() => Compose("down", "--volumes", "--remove-orphans", "--timeout", "20");

    public void Dispose()
    {
        TryCompose("down", "--volumes", "--remove-orphans", "--timeout", "5");
        Directory.Delete(Folder, recursive: true);
    }

    private IEnumerable<string> ComposeArguments(IEnumerable<string> arguments) =>
        new[] { "compose", "--project-directory", Folder, "-f", Path.Combine(Folder, "compose.yaml") }
            .Concat(testServices ? new[] { "-f", Path.Combine(Folder, TestServicesFile) } : Array.Empty<string>())
            .Concat(arguments);
}

/// <summary>The parts of a generated compose.yaml the runtime tests look up: name, services, images, healthchecks, published ports.</summary>
internal sealed class ComposeFile
{
    private readonly YamlMappingNode root;

    public ComposeFile(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        root = (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    public string Name => ((YamlScalarNode)root["name"]).Value!;

    public IReadOnlyDictionary<string, YamlMappingNode> Services =>
        ((YamlMappingNode)root["services"]).Children.ToDictionary(entry => ((YamlScalarNode)entry.Key).Value!, entry => (YamlMappingNode)entry.Value);

    public string Image(string service) => ((YamlScalarNode)Services[service]["image"]).Value!;

    /// <summary>The healthcheck's test as one line, empty without one.</summary>
    public string Healthcheck(string service) =>
        Services[service].Children.TryGetValue("healthcheck", out var healthcheck) && ((YamlMappingNode)healthcheck).Children.TryGetValue("test", out var test)
            ? test is YamlSequenceNode items ? string.Join(' ', items.Children.Select(item => ((YamlScalarNode)item).Value)) : ((YamlScalarNode)test).Value!
            : string.Empty;

    /// <summary>The one service whose image is <paramref name="image"/> (sidecar service names are the generator's business).</summary>
    public string ServiceWithImage(string image) => Services.Single(service => Image(service.Key) == image).Key;

    public string ServiceWithImagePrefix(string prefix) => Services.Single(service => Image(service.Key).StartsWith(prefix, StringComparison.Ordinal)).Key;

    /// <summary>
    /// Each published host port, under the name of the service that publishes it and each network
    /// alias of that service (a Pod's holder publishes its ports and answers to the Pod's name).
    /// </summary>
    public IReadOnlyDictionary<string, int> PublishedPorts()
    {
        var ports = new Dictionary<string, int>();
        foreach (var (name, service) in Services.Where(entry => entry.Value.Children.ContainsKey("ports")))
        {
            var port = (YamlMappingNode)((YamlSequenceNode)service["ports"]).Children.Single();
            var aliases = service.Children.TryGetValue("networks", out var networks)
                ? ((YamlMappingNode)networks).Children.Values.OfType<YamlMappingNode>()
                    .SelectMany(network => network.Children.TryGetValue("aliases", out var list) ? ((YamlSequenceNode)list).Children : Enumerable.Empty<YamlNode>())
                    .Select(alias => ((YamlScalarNode)alias).Value!)
                : Enumerable.Empty<string>();
            foreach (var key in aliases.Prepend(name))
            {
                ports.Add(key, HostPort(port));
            }
        }

        return ports;
    }

    /// <summary>The published host port of the one service that publishes one.</summary>
    public (string Service, int Published) PublishedPort()
    {
        var (name, service) = Services.Single(entry => entry.Value.Children.ContainsKey("ports"));
        var port = (YamlMappingNode)((YamlSequenceNode)service["ports"]).Children.Single();
        return (name, HostPort(port));
    }

    /// <summary>The host port Compose publishes when the file's <c>${&lt;SERVICE&gt;_HOST_PORT:-port}</c> is not set (the tests never set it).</summary>
    private static int HostPort(YamlMappingNode port)
    {
        var published = ((YamlScalarNode)port["published"]).Value!;
        return int.Parse(published.StartsWith("${", StringComparison.Ordinal) ? published[(published.IndexOf(":-", StringComparison.Ordinal) + 2)..^1] : published);
    }
}
