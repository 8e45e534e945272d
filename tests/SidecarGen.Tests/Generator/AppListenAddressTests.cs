using System.Text.Json.Nodes;
using k8s.Models;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Generator;

/// <summary>
/// Who reaches the app (docs/pod-entry.md), read back from the Deployment: behind a traffic sidecar
/// SidecarGen runs, the app listens on loopback only; when the app is the Pod's entry (alone, or
/// behind a mesh that injects its own proxy), on every interface. Either way every probe of the app
/// can succeed from the kubelet, which connects from the node to the Pod's IP or runs a command in
/// the container, and Compose tells the app the same.
/// </summary>
public sealed class AppListenAddressTests
{
    private const string App = "payment-service";

    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var kind in SidecarDeclarations.Each.Keys)
        {
            data.Add(kind, kind is "auth-proxy" or "tls-termination" or "service-mesh");
        }

        data.Add("all", true);
        foreach (var mesh in SidecarDeclarations.Meshes.Keys)
        {
            data.Add(mesh, false);
            data.Add(mesh + "+auth-proxy", true);
            data.Add(mesh + "+all", true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_app_listens_on_loopback_exactly_when_a_sidecar_is_the_entry_and_every_probe_still_reaches_it(string sidecars, bool behindSidecar)
    {
        foreach (var version in new[] { "1.33", "1.28" })
        {
            var output = GeneratorHarness.Run(Source(sidecars), new Dictionary<string, string> { ["SidecarGenKubernetesVersion"] = version });
            var pod = KubernetesObjects.Deployment(output).Spec.Template.Spec;
            var app = pod.Container(App);
            var service = KubernetesObjects.Load<V1Service>(output["kubernetes/service.yaml"]);
            var (entry, _) = pod.ResolvePort(service.Spec.Ports.Single().TargetPort.Value);
            Assert.Equal(behindSidecar, entry != App);

            var env = app.Env.ToDictionary(e => e.Name, e => (string?)e.Value);
            var listen = Listen(env);
            Assert.Equal(app.Ports.Single(p => p.Name == "http").ContainerPort, listen.Port);
            Assert.Equal(behindSidecar ? "127.0.0.1" : "*", listen.Host);

            foreach (var probe in new[] { app.StartupProbe, app.ReadinessProbe, app.LivenessProbe })
            {
                AssertKubeletReaches(pod, app, probe, listen);
            }

            // Compose starts the app with the same address, and checks it with the same command.
            var compose = YamlJson.Parse(output["compose/compose.yaml"])["services"]![App]!;
            Assert.Equal(env, compose["environment"]!.AsObject().ToDictionary(p => p.Key, p => (string?)p.Value));
            if (app.StartupProbe.Exec is { } exec)
            {
                Assert.Equal(exec.Command.Prepend("CMD"), compose["healthcheck"]!["test"]!.AsArray().Select(item => (string?)item));
            }
        }
    }

    /// <summary>
    /// A mesh captures inbound traffic on every port it does not exclude: the Pod's entry must never be
    /// excluded, or callers would reach it around the proxy.
    /// </summary>
    [Theory]
    [InlineData("istio", "traffic.sidecar.istio.io/excludeInboundPorts")]
    [InlineData("linkerd", "config.linkerd.io/skip-inbound-ports")]
    public void A_mesh_that_injects_its_proxy_captures_the_entry_port(string mesh, string excluded)
    {
        foreach (var sidecars in new[] { mesh, mesh + "+auth-proxy", mesh + "+all" })
        {
            var output = GeneratorHarness.Run(Source(sidecars));
            var deployment = KubernetesObjects.Deployment(output);
            var service = KubernetesObjects.Load<V1Service>(output["kubernetes/service.yaml"]);
            var (_, entryPort) = deployment.Spec.Template.Spec.ResolvePort(service.Spec.Ports.Single().TargetPort.Value);
            var annotations = deployment.Spec.Template.Metadata.Annotations ?? new Dictionary<string, string>();
            var skipped = annotations.TryGetValue(excluded, out var ports) ? ports.Split(',').Select(int.Parse).ToList() : new List<int>();
            Assert.DoesNotContain(entryPort, skipped);
        }
    }

    /// <summary>Where ASP.NET Core binds, from the variables it reads: <c>ASPNETCORE_URLS</c> outranks <c>ASPNETCORE_HTTP_PORTS</c> (<c>*</c>, every interface).</summary>
    private static (string Host, int Port) Listen(IReadOnlyDictionary<string, string?> env)
    {
        if (env.TryGetValue("ASPNETCORE_URLS", out var urls) && !string.IsNullOrEmpty(urls))
        {
            // Kestrel warns when it overrides ASPNETCORE_HTTP_PORTS (8080 in the official images): it is cleared.
            Assert.Equal(string.Empty, env["ASPNETCORE_HTTP_PORTS"]);
            var url = new Uri(Assert.Single(urls.Split(';')));
            Assert.Equal("http", url.Scheme);
            return (url.Host, url.Port);
        }

        return ("*", int.Parse(Assert.Single(env["ASPNETCORE_HTTP_PORTS"]!.Split(';'))));
    }

    /// <summary>
    /// The kubelet sends an HTTP or TCP probe from the node to the Pod's IP: the app must listen on every
    /// interface. An exec probe runs in the app's container: its program must be there (a static busybox
    /// copied by a one-shot init container into a volume the app mounts) and ask the address the app listens on.
    /// </summary>
    private static void AssertKubeletReaches(V1PodSpec pod, V1Container app, V1Probe probe, (string Host, int Port) listen)
    {
        if (probe.Exec is null)
        {
            Assert.Equal("*", listen.Host);
            var port = probe.HttpGet?.Port.Value ?? probe.TcpSocket.Port.Value;
            Assert.Equal((App, listen.Port), pod.ResolvePort(port));
            return;
        }

        var command = probe.Exec.Command;
        var program = command[0];
        var mount = app.VolumeMounts.Single(m => program.StartsWith(m.MountPath.TrimEnd('/') + "/", StringComparison.Ordinal));
        Assert.True(mount.ReadOnlyProperty);
        Assert.NotNull(pod.Volumes.Single(v => v.Name == mount.Name).EmptyDir);
        var installer = pod.InitContainers.Single(c => c.VolumeMounts?.Any(m => m.Name == mount.Name) == true);
        Assert.True(pod.IsOneShot(installer));
        Assert.Matches(@"^busybox:\d+\.\d+\.\d+-musl$", installer.Image); // static: runs in any image, distroless ones too
        var target = installer.VolumeMounts.Single(m => m.Name == mount.Name);
        Assert.NotEqual(true, target.ReadOnlyProperty);
        Assert.Equal(new[] { "/bin/busybox", "cp", "/bin/busybox" }, installer.Command.Take(3));
        Assert.Equal(program[mount.MountPath.Length..], installer.Command[3][target.MountPath.Length..]);

        Assert.Equal(new[] { "wget", "-q", "-O", "/dev/null" }, command.Skip(1).Take(4));
        var url = new Uri(Assert.Single(command.Skip(5)));
        Assert.Equal((listen.Host, listen.Port), (url.Host, url.Port));
        Assert.Equal("/healthz", url.AbsolutePath);
    }

    /// <summary>The sidecars of a case: a key of <see cref="SidecarDeclarations.Each"/>, <c>all</c>, or a mesh alone or with <c>auth-proxy</c> or <c>all</c>.</summary>
    private static string Source(string sidecars)
    {
        var parts = sidecars.Split('+');
        if (SidecarDeclarations.Meshes.ContainsKey(parts[0]))
        {
            return parts.Length == 1 ? SidecarDeclarations.Service(SidecarDeclarations.Meshes[parts[0]])
                : parts[1] == "all" ? SidecarDeclarations.AllWith(parts[0])
                : SidecarDeclarations.Service(SidecarDeclarations.Meshes[parts[0]], SidecarDeclarations.Each[parts[1]]);
        }

        return sidecars == "all" ? SidecarDeclarations.All() : SidecarDeclarations.Service(SidecarDeclarations.Each[sidecars]);
    }
}
