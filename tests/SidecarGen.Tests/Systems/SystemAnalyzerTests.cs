using Microsoft.CodeAnalysis;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Systems;

/// <summary>SCG0017-SCG0019: reported by the system's build in the service's own Program.cs, on the call or name that is wrong.</summary>
public sealed class SystemAnalyzerTests
{
    [Fact]
    public async Task SCG0017_a_call_to_no_service_of_the_system_is_reported_on_the_name()
    {
        var storefront = Shop.Of("Storefront", "SidecarService(\"storefront\", Calls = new[] { \"orders\", \"order\" })");

        var diagnostic = Assert.Single(await SystemHarness.Analyze(new[] { storefront, Shop.Orders, Shop.Ledger }));

        Assert.Equal("SCG0017", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        AssertAt(diagnostic, storefront, "\"order\"");
        Assert.Contains("'order' is no service of the system (its services: ledger, orders, storefront)", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SCG0017_a_mesh_upstream_naming_no_service_is_reported_on_the_item()
    {
        var orders = Shop.Of("Orders", "SidecarService(\"orders\")", "ServiceMeshSidecar(Mtls = false, Upstreams = new[] { \"fx=fx.example.com:443\", \"ledgr\" })");

        var diagnostic = Assert.Single(await SystemHarness.Analyze(new[] { Shop.Storefront, orders, Shop.Ledger }));

        Assert.Equal("SCG0017", diagnostic.Id);
        AssertAt(diagnostic, orders, "\"ledgr\"");
    }

    [Fact]
    public async Task SCG0018_two_services_of_one_name_are_reported_on_the_second_name()
    {
        var copy = Shop.Of("OrdersCopy", "SidecarService(\"orders\")");

        var diagnostic = Assert.Single(await SystemHarness.Analyze(new[] { Shop.Storefront, Shop.Orders, Shop.Ledger, copy }));

        Assert.Equal("SCG0018", diagnostic.Id);
        AssertAt(diagnostic, copy, "\"orders\"");
    }

    [Fact]
    public async Task SCG0018_two_services_whose_compose_services_would_share_a_name_are_reported_on_the_second_name()
    {
        var order = Shop.Of("Order", "SidecarService(\"order\")", "LoggingSidecar(Name = \"service-logging\")");
        var orderService = Shop.Of("OrderService", "SidecarService(\"order-service\")", "LoggingSidecar");

        var diagnostic = Assert.Single(await SystemHarness.Analyze(new[] { order, orderService }));

        Assert.Equal("SCG0018", diagnostic.Id);
        AssertAt(diagnostic, orderService, "\"order-service\"");
        Assert.Contains("'order-service' and 'order' would both have the Compose service 'order-service-logging'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SCG0018_a_project_referenced_twice_is_reported()
    {
        var diagnostic = Assert.Single(await SystemHarness.Analyze(new[] { Shop.Storefront, Shop.Orders, Shop.Ledger, Shop.Ledger }));

        Assert.Equal("SCG0018", diagnostic.Id);
        Assert.Contains("references the project of 'ledger' (/src/Ledger/Ledger.csproj) twice", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SidecarService(\"storefront\", Calls = new[] { \"orders\" })", "\"orders\"")]
    [InlineData("SidecarService(\"storefront\")|ServiceMeshSidecar(Mtls = false, Upstreams = new[] { \"orders\" })", "\"orders\"")]
    public async Task SCG0019_a_caller_outside_the_mesh_of_a_callee_requiring_client_certificates(string callerAttributes, string at)
    {
        var storefront = Shop.Of("Storefront", callerAttributes.Split('|'));
        var orders = Shop.Of("Orders", "SidecarService(\"orders\")", "ServiceMeshSidecar");

        var diagnostic = Assert.Single(await SystemHarness.Analyze(new[] { storefront, orders }));

        Assert.Equal("SCG0019", diagnostic.Id);
        AssertAt(diagnostic, storefront, at);
    }

    /// <summary>
    /// Each mesh trusts only its own certificates: Istio and Linkerd speak mutual TLS only to their own
    /// workloads, and our Envoy's certificate is of another CA, so a call across meshes cannot pass.
    /// </summary>
    [Theory]
    [InlineData("Mesh = MeshProvider.Istio", "ServiceMeshSidecar", "Envoy")]
    [InlineData("Mesh = MeshProvider.Linkerd", "ServiceMeshSidecar", "Envoy")]
    [InlineData("Upstreams = new[] { \"orders\" }", "ServiceMeshSidecar(Mesh = MeshProvider.Istio)", "Istio")]
    [InlineData("Mesh = MeshProvider.Linkerd", "ServiceMeshSidecar(Mesh = MeshProvider.Istio)", "Istio")]
    [InlineData("Mesh = MeshProvider.Istio", "ServiceMeshSidecar(Mesh = MeshProvider.Linkerd)", "Linkerd")]
    public async Task SCG0019_a_caller_in_another_mesh_than_the_callee(string callerMesh, string calleeMesh, string mesh)
    {
        var system = StorefrontCallingOrders("ServiceMeshSidecar(" + callerMesh + ")", calleeMesh);

        var diagnostics = await SystemHarness.Analyze(system);

        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, diagnostic => Assert.Equal("SCG0019", diagnostic.Id));
        Assert.Contains($"a certificate of its mesh ({mesh}, mutual TLS)", diagnostics[0].GetMessage(), StringComparison.Ordinal);
        Assert.Equal("Blocked", SystemHarness.Run(system).Status);
    }

    [Theory]
    [InlineData("ServiceMeshSidecar(Mesh = MeshProvider.Istio)")]
    [InlineData("ServiceMeshSidecar(Mesh = MeshProvider.Linkerd)")]
    public async Task A_caller_injected_by_the_callees_own_mesh_is_fine(string mesh)
    {
        var storefront = Shop.Of("Storefront", "SidecarService(\"storefront\", Calls = new[] { \"orders\" })", mesh);
        var orders = Shop.Of("Orders", "SidecarService(\"orders\")", mesh);

        Assert.Empty(await SystemHarness.Analyze(new[] { storefront, orders }));
    }

    [Fact]
    public async Task A_caller_whose_mesh_speaks_mutual_tls_to_the_callee_is_fine()
    {
        var storefront = Shop.Of("Storefront", "SidecarService(\"storefront\", Calls = new[] { \"orders\" })", "ServiceMeshSidecar(Upstreams = new[] { \"orders\" })");
        var orders = Shop.Of("Orders", "SidecarService(\"orders\")", "ServiceMeshSidecar");

        Assert.Empty(await SystemHarness.Analyze(new[] { storefront, orders }));
    }

    /// <summary>
    /// SCG0019 from the caller's side, found on the system's networks: our Envoy's egress listener speaks
    /// mutual TLS exactly when its Mtls is on, and the callee's entry must speak TLS exactly then.
    /// </summary>
    [Theory]
    [InlineData("", "LoggingSidecar", "speaks mutual TLS (Mtls), but 'orders' takes plain HTTP at its entry")]
    [InlineData("", "AuthProxySidecar(IssuerUrl = \"https://login.example.com\")", "speaks mutual TLS (Mtls), but 'orders' takes plain HTTP at its entry")]
    [InlineData("", "ServiceMeshSidecar(Mtls = false)", "speaks mutual TLS (Mtls), but 'orders' takes plain HTTP at its entry")]
    [InlineData(", Mtls = false", "TlsTerminationSidecar", "speaks plain HTTP (Mtls = false), but 'orders' takes only TLS at its entry")]
    public async Task SCG0019_an_egress_listener_whose_tls_the_callees_entry_does_not_speak(string callerMtls, string callee, string message)
    {
        var system = StorefrontCallingOrders("ServiceMeshSidecar(Upstreams = new[] { \"orders\" }" + callerMtls + ")", callee);

        var diagnostic = Assert.Single(await SystemHarness.Analyze(system));

        Assert.Equal("SCG0019", diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
        AssertAt(diagnostic, system[0], "\"orders\"");
        Assert.Equal("Blocked", SystemHarness.Run(system).Status);
    }

    /// <summary>
    /// Silent where the TLS agrees, where it cannot be known (a TLS terminator behind mutual TLS: whether its
    /// certificate is of the mesh's CA), and for an upstream written as host:port, which the network does not resolve.
    /// </summary>
    [Theory]
    [InlineData("ServiceMeshSidecar(Upstreams = new[] { \"orders\" }, Mtls = false)", "LoggingSidecar")]
    [InlineData("ServiceMeshSidecar(Upstreams = new[] { \"orders\" }, Mtls = false)", "ServiceMeshSidecar(Mtls = false)")]
    [InlineData("ServiceMeshSidecar(Upstreams = new[] { \"orders\" })", "TlsTerminationSidecar")]
    [InlineData("ServiceMeshSidecar(Upstreams = new[] { \"orders=orders:8080\" })", "LoggingSidecar")]
    [InlineData("ServiceMeshSidecar(Upstreams = new[] { \"orders\" })", "ServiceMeshSidecar(Mesh = MeshProvider.Istio, Mtls = false)|TlsTerminationSidecar")]
    public async Task An_egress_listener_whose_tls_the_callees_entry_speaks_is_fine(string callerMesh, string calleeAttributes)
    {
        var system = StorefrontCallingOrders(callerMesh, calleeAttributes.Split('|'));

        Assert.Empty(await SystemHarness.Analyze(system));
        Assert.Equal("Generated", SystemHarness.Run(system).Status);
    }

    [Fact]
    public async Task SCG0027_a_description_of_another_format_is_reported_at_the_services_project()
    {
        var diagnostics = await SystemHarness.Analyze(Shop.All, service => service == Shop.Ledger ? SystemHarness.Description(service).Replace("version: 1", "version: 99", StringComparison.Ordinal) : SystemHarness.Description(service));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SCG0027", diagnostic.Id);
        Assert.Equal(Shop.Ledger.ProjectPath, diagnostic.Location.GetLineSpan().Path);
        var output = GeneratedOutput.From(SystemHarness.Driver(SystemHarness.Inputs(Shop.All, description: service => service == Shop.Ledger ? "version: 99\n" : SystemHarness.Description(service))).RunGenerators(SystemHarness.Inputs(Shop.All).Compilation).GetRunResult().GeneratedTrees);
        Assert.Equal("Blocked", output.Status);
    }

    [Fact]
    public async Task The_sample_system_is_clean() => Assert.Empty(await SystemHarness.Analyze(Shop.All));

    /// <summary>storefront, which calls orders, and orders, each with the given sidecars.</summary>
    private static SystemHarness.Service[] StorefrontCallingOrders(string storefrontSidecar, params string[] ordersSidecars) => new[]
    {
        Shop.Of("Storefront", "SidecarService(\"storefront\", Calls = new[] { \"orders\" })", storefrontSidecar),
        Shop.Of("Orders", new[] { "SidecarService(\"orders\")" }.Concat(ordersSidecars).ToArray()),
    };

    /// <summary>The diagnostic is in the service's Program.cs, on exactly <paramref name="text"/>.</summary>
    private static void AssertAt(Diagnostic diagnostic, SystemHarness.Service service, string text)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(service.ProgramPath, span.Path);
        Assert.Equal(LocationKind.ExternalFile, diagnostic.Location.Kind);
        Assert.Equal(text, service.Source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        var line = service.Source.Split('\n')[span.StartLinePosition.Line];
        Assert.Equal(text, line.Substring(span.StartLinePosition.Character, text.Length));
    }
}
