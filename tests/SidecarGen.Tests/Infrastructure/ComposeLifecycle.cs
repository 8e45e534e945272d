using System.Text.Json.Nodes;

namespace SidecarGen.Tests.Infrastructure;

/// <summary>
/// What every generated compose.yaml must say so Compose behaves like the Pod: a holder
/// (<c>&lt;service&gt;-pod</c>) owns the network namespace and the only published port, every other
/// long-running service joins it and is restarted with it, each sidecar is health-checked, the app
/// waits for every sidecar to be healthy, and secrets reach the read-only sidecars through volumes.
/// No variable is required to read the file (<c>ps</c>, <c>logs</c>, <c>stop</c>, <c>down</c> work
/// without the secrets); when the Pod reads secrets, <c>&lt;service&gt;-variables</c> checks them before the holder starts.
/// </summary>
internal static class ComposeLifecycle
{
    public const string Tools = "/sidecargen/busybox";

    /// <summary>Asserts the lifecycle and returns the names of the sidecar services, in file order.</summary>
    public static IReadOnlyList<string> AssertMirrorsThePod(string composeYaml, string service)
    {
        ComposeSchema.AssertValid(composeYaml);
        var compose = YamlJson.Parse(composeYaml);
        var services = compose["services"]!.AsObject();
        var holder = service + "-pod";
        var copier = service + "-secrets";
        var check = service + "-variables";
        var names = services.Select(s => s.Key).ToList();
        var sidecars = names.Where(n => n != holder && n != copier && n != check && n != service).ToList();

        Assert.Equal(holder, names[0]);
        Assert.Equal(service, names[^1]);
        Assert.All(sidecars, name => Assert.StartsWith(service + "-", name));
        Assert.Equal(new[] { service }, Strings(services[holder]!["networks"]!["default"]!["aliases"]));
        Assert.NotNull(Assert.Single(services[holder]!["ports"]!.AsArray()));
        Assert.Equal(new[] { "CMD", "/bin/busybox", "test", "-x", Tools }, Strings(services[holder]!["healthcheck"]!["test"]));

        foreach (var name in sidecars.Append(service))
        {
            var node = services[name]!;
            Assert.Equal("service:" + holder, (string?)node["network_mode"]);
            Assert.Null(node["ports"]);
            Assert.True((bool)node["read_only"]!, name);
            Assert.Equal("unless-stopped", (string?)node["restart"]);
            Assert.Null(node["secrets"]);
            AssertDependency(node, holder, "service_healthy", restart: true);
            var targets = Volumes(node).Select(v => ((string)v["target"]!).TrimEnd('/')).Concat(Strings(node["tmpfs"]).Select(t => t!.TrimEnd('/'))).ToList();
            Assert.Equal(targets.Count, targets.Distinct().Count());
            if (node["healthcheck"] is { } healthcheck)
            {
                Assert.DoesNotContain("start_interval", healthcheck.AsObject().Select(p => p.Key));
                if (Strings(healthcheck["test"]).Contains(Tools))
                {
                    Assert.Contains(Volumes(node), v => (string?)v["target"] == "/sidecargen" && (bool)v["read_only"]! && (string?)v["source"] == service + "-sidecargen-tools");
                }
            }

            if (Volumes(node).Any(v => ((string?)v["target"])!.StartsWith("/run/secrets/", StringComparison.Ordinal)))
            {
                AssertDependency(node, copier, "service_completed_successfully", restart: false);
            }
        }

        // The app starts only when every sidecar is ready, and a sidecar's restart leaves it running.
        var app = services[service]!;
        Assert.Equal(sidecars.Prepend(holder).Order(), app["depends_on"]!.AsObject().Select(d => d.Key).Where(d => d != copier).Order());
        foreach (var sidecar in sidecars)
        {
            AssertDependency(app, sidecar, services[sidecar]!["healthcheck"] is null ? "service_started" : "service_healthy", restart: false);
        }

        Assert.All(compose["volumes"]!.AsObject(), volume => Assert.StartsWith(service + "-", volume.Key));
        // No Compose secrets (Compose would refuse to create a container while one's variable is missing).
        Assert.Null(compose["secrets"]);
        if (services[copier] is { } secrets)
        {
            Assert.True((bool)secrets["read_only"]!);
            Assert.Equal("no", (string?)secrets["restart"]);
            Assert.Equal("none", (string?)secrets["network_mode"]);
            Assert.All(secrets["environment"]!.AsObject(), variable => Assert.Equal("${" + variable.Key + ":-}", (string?)variable.Value));
        }

        // Every interpolation reads a variable without requiring it; the check sees only whether each is set.
        // The host port is the one variable with a default of its own, and the one the check leaves alone.
        var hostPort = "${" + SidecarGen.Pod.ComposeNames.HostPortVariable(service) + ":-";
        Assert.StartsWith(hostPort, (string?)services[holder]!["ports"]![0]!["published"]);
        var interpolations = System.Text.RegularExpressions.Regex.Matches(composeYaml.Replace("$$", string.Empty, StringComparison.Ordinal), @"\$\{[^}]*\}")
            .Select(match => match.Value).Where(value => !value.StartsWith(hostPort, StringComparison.Ordinal)).ToList();
        Assert.All(interpolations, value => Assert.Matches(@"^\$\{[A-Z0-9_]+:(-|\+set)\}$", value));
        var read = interpolations.Where(value => value.EndsWith(":-}", StringComparison.Ordinal)).Select(value => value[2..^3]).Distinct().Order().ToList();
        if (services[check] is { } variables)
        {
            Assert.Equal(read, variables["environment"]!.AsObject().Select(variable => variable.Key).Order());
            AssertDependency(services[holder]!, check, "service_completed_successfully", restart: false);
            Assert.True((bool)variables["read_only"]!);
            Assert.Equal(("no", "none"), ((string?)variables["restart"], (string?)variables["network_mode"]));
            Assert.All(variables["environment"]!.AsObject(), variable => Assert.Equal("${" + variable.Key + ":+set}", (string?)variable.Value));
        }
        else
        {
            Assert.Empty(read);
            Assert.Null(services[holder]!["depends_on"]);
        }

        return sidecars;
    }

    public static IEnumerable<string?> Strings(JsonNode? node) => node?.AsArray().Select(item => (string?)item) ?? Enumerable.Empty<string?>();

    public static IEnumerable<JsonNode> Volumes(JsonNode service) => service["volumes"]?.AsArray().Select(v => v!) ?? Enumerable.Empty<JsonNode>();

    private static void AssertDependency(JsonNode node, string on, string condition, bool restart)
    {
        var dependency = node["depends_on"]?[on];
        Assert.True(dependency is not null, $"depends_on {on} missing");
        Assert.Equal(condition, (string?)dependency!["condition"]);
        Assert.Equal(restart, (bool)dependency["restart"]!);
    }
}
