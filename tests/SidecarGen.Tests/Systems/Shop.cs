namespace SidecarGen.Tests.Systems;

/// <summary>A three-service system like samples/Shop: storefront → orders → ledger (the last through orders' mesh).</summary>
internal static class Shop
{
    public static readonly SystemHarness.Service Storefront = new("Storefront", """
        using SidecarGen;

        [SidecarService("storefront", Image = "registry.example.com/storefront:1.0.0", Calls = new[] { "orders" })]
        [AuthProxySidecar(IssuerUrl = "https://login.example.com/realms/shop")]
        public partial class Program;
        """);

    public static readonly SystemHarness.Service Orders = new("Orders", """
        using SidecarGen;

        [SidecarService("orders", Image = "registry.example.com/orders:1.0.0", Calls = new[] { "ledger" })]
        [ServiceMeshSidecar(Upstreams = new[] { "ledger" }, Mtls = false)]
        [MetricsSidecar]
        public partial class Program;
        """);

    public static readonly SystemHarness.Service Ledger = new("Ledger", """
        using SidecarGen;

        [SidecarService("ledger", Image = "registry.example.com/ledger:1.0.0")]
        [LoggingSidecar]
        public partial class Program;
        """);

    public static readonly SystemHarness.Service[] All = { Storefront, Orders, Ledger };

    /// <summary>A service with the given attributes under the project name <paramref name="project"/>.</summary>
    public static SystemHarness.Service Of(string project, params string[] attributes) =>
        new(project, "using SidecarGen;\n\n" + string.Concat(attributes.Select(a => "[" + a + "]\n")) + "public partial class Program;\n");
}
