using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Systems;

/// <summary>
/// Every plan a system writes has been checked, under the system's settings and on the system's networks:
/// a rule that only the system breaks is reported by the system's build, and its files are not written.
/// </summary>
public sealed class SystemPipelineTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> ServiceAnalyzers = typeof(SidecarGenerator).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>
    /// The caller's Envoy speaks mutual TLS (the default) to the ledger through its egress listener. Built
    /// alone, the caller reaches "ledger" at a name it knows nothing more of, and each service is clean; on
    /// the system's networks the ledger's entry is its app, which speaks plain HTTP, so every call would
    /// fail its TLS handshake (SCG0019). Only the plans made for the system's networks know that.
    /// </summary>
    private static readonly SystemHarness.Service MtlsCaller = Shop.Of(
        "Orders",
        "SidecarService(\"orders\", Calls = new[] { \"ledger\" })",
        "ServiceMeshSidecar(Upstreams = new[] { \"ledger\" })");

    private static readonly SystemHarness.Service PlainLedger = Shop.Of("Ledger", "SidecarService(\"ledger\")", "LoggingSidecar");

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

    [Fact]
    public async Task A_rule_only_the_systems_network_plans_break_blocks_the_systems_files()
    {
        foreach (var service in new[] { MtlsCaller, PlainLedger })
        {
            Assert.Equal("Generated", GeneratorHarness.Run(service.Source).Status);
            var alone = await GeneratorHarness.Compile(service.Source).WithAnalyzers(ServiceAnalyzers).GetAnalyzerDiagnosticsAsync();
            Assert.DoesNotContain(alone, diagnostic => diagnostic.Id == "SCG0019" || diagnostic.Severity == DiagnosticSeverity.Error);
        }

        var output = SystemHarness.Run(new[] { MtlsCaller, PlainLedger });

        Assert.Equal("Blocked", output.Status);
        Assert.Empty(output.Files);
        Assert.Contains("SCG0019: The egress listener for 'ledger' speaks mutual TLS (Mtls), but 'ledger' takes plain HTTP at its entry", output.BlockedBy, StringComparison.Ordinal);
    }

    /// <summary>The Kubernetes and the Compose plan both break it, with one message: the system's build reports it once, on the upstream's item.</summary>
    [Fact]
    public async Task A_rule_only_the_systems_network_plans_break_is_reported_once_on_the_upstream()
    {
        var diagnostic = Assert.Single(await SystemHarness.Analyze(new[] { MtlsCaller, PlainLedger }));

        Assert.Equal("SCG0019", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(MtlsCaller.ProgramPath, diagnostic.Location.GetLineSpan().Path);
        var upstream = MtlsCaller.Source.IndexOf("\"ledger\"", MtlsCaller.Source.IndexOf("Upstreams", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.TextSpan(upstream, "\"ledger\"".Length), diagnostic.Location.SourceSpan);
    }
}
