using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Runtime;

/// <summary>
/// A generated Compose file whose Pod reads secrets from the environment of <c>docker compose</c>:
/// without them, <c>ps</c>, <c>logs</c>, <c>stop</c> and <c>down -v</c> work, and <c>up</c> fails before
/// anything but <c>&lt;service&gt;-variables</c> has started, naming every missing variable at once;
/// with them, the stack comes up.
/// </summary>
[Collection(RuntimeCollection.Name)]
[Trait("Category", "Runtime")]
public sealed class ComposeVariablesRuntimeTests(RuntimeFixture fixture)
{
    private const string AppImage = "registry.example.com/durable-secrets:1.0.0";

    private const string Source = """
        using SidecarGen;

        [SidecarService("durable-secrets", Image = "registry.example.com/durable-secrets:1.0.0", Port = 28094)]
        [AuthProxySidecar(IssuerUrl = "https://login.example.com/realms/shop", SecretName = "durable-auth")]
        public partial class Program;
        """;

    private static readonly string[] Variables = { "DURABLE_AUTH_CLIENT_ID", "DURABLE_AUTH_CLIENT_SECRET", "DURABLE_AUTH_COOKIE_SECRET" };

    [SkippableFact]
    public void Without_the_secrets_the_stack_can_be_inspected_and_stopped_and_up_names_every_missing_variable()
    {
        var engine = fixture.Engine;
        var environment = new Dictionary<string, string>();
        using var stack = new ComposeStack(engine, GeneratorHarness.Run(Source).Files, environment);
        fixture.BuildImage("log-app", AppImage);
        fixture.BuildImages(stack.Generated, new Dictionary<string, string>());
        var check = stack.Generated.Services.Keys.Single(name => name.EndsWith("-variables", StringComparison.Ordinal));

        foreach (var command in new[] { new[] { "ps", "--all" }, new[] { "logs" }, new[] { "stop" }, new[] { "down", "--volumes" } })
        {
            var (exitCode, output) = stack.TryCompose(command);
            Assert.True(exitCode == 0, $"docker compose {string.Join(' ', command)} without the secrets failed ({exitCode}):\n{output}");
        }

        // Nothing set: up fails, and the check names all three.
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var (upExit, upOutput) = stack.TryCompose("up", "--detach", "--wait", "--wait-timeout", "120");
        Assert.True(upExit != 0, "up started without the secrets:\n" + upOutput);
        var said = stack.Compose("logs", "--no-color", check);
        Assert.True(Variables.All(variable => said.Contains(variable, StringComparison.Ordinal)), $"the check did not name every variable:\n{said}\nup said:\n{upOutput}\n{stack.Diagnose()}");
        Assert.Equal(new[] { check }, stack.Events(since).Where(e => e.Action == "start").Select(e => e.Service).Distinct());

        // One set: the other two are named.
        environment["DURABLE_AUTH_CLIENT_ID"] = "durable-secrets";
        stack.TryCompose("up", "--detach", "--wait", "--wait-timeout", "120");
        said = stack.Compose("logs", "--no-color", "--no-log-prefix", check).Trim().Split('\n')[^1];
        Assert.Contains(" DURABLE_AUTH_CLIENT_SECRET", said, StringComparison.Ordinal);
        Assert.Contains(" DURABLE_AUTH_COOKIE_SECRET", said, StringComparison.Ordinal);
        Assert.DoesNotContain("DURABLE_AUTH_CLIENT_ID", said, StringComparison.Ordinal);

        // All set: the check passes and the stack comes up.
        environment["DURABLE_AUTH_CLIENT_SECRET"] = "client-secret-" + Guid.NewGuid().ToString("N");
        environment["DURABLE_AUTH_COOKIE_SECRET"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray()).Replace('+', '-').Replace('/', '_');
        stack.Up();
        Assert.Equal("0", stack.Inspect(stack.Container(check), "{{.State.ExitCode}}"));

        stack.Down();
        Assert.Equal((string.Empty, string.Empty), stack.Leftovers());
    }
}
