using Microsoft.CodeAnalysis;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Systems;

/// <summary>
/// Every plan a system writes has been checked, under the system's settings: a rule that only the system
/// breaks is reported by the system's build, and its files are not written.
/// </summary>
public sealed class SystemPipelineTests
{
    /// <summary>Each service builds clean alone; the system's own SidecarGenSecretStore is no store reference.</summary>
    private static readonly Dictionary<string, string> BadStore = new() { ["SidecarGenSecretStore"] = "Vault" };

    [Fact]
    public void A_rule_only_the_system_breaks_blocks_the_systems_files()
    {
        foreach (var service in Shop.All)
        {
            Assert.Equal("Generated", GeneratorHarness.Run(service.Source).Status);
        }

        var output = SystemHarness.Run(Shop.All, BadStore);

        Assert.Equal("Blocked", output.Status);
        Assert.Empty(output.Files);
        Assert.Contains("SCG0023: SidecarGenSecretStore 'Vault' is not ClusterSecretStore/<name> or SecretStore/<name>", output.BlockedBy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_only_the_system_breaks_is_reported_by_the_systems_build_once()
    {
        Assert.Empty(await SystemHarness.Analyze(Shop.All));

        var diagnostic = Assert.Single(await SystemHarness.Analyze(Shop.All, properties: BadStore));

        Assert.Equal("SCG0023", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(Location.None, diagnostic.Location);
    }
}
