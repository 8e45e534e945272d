namespace SidecarGen.Tests.Infrastructure;

/// <summary>Service declarations the tests share: the product's own example first.</summary>
internal static class Sources
{
    public const string OrderService = """
        using SidecarGen;

        [SidecarService("order-service", Image = "registry.example.com/order-service:1.4.2", Port = 8080)]
        [LoggingSidecar(LogPath = "/var/log/app")]
        [AuthProxySidecar(IssuerUrl = "https://login.example.com/realms/shop", SecretName = "order-auth")]
        public partial class Program;
        """;

    public static string Program(params string[] attributes) =>
        "using SidecarGen;\n\n" + string.Concat(attributes.Select(a => "[" + a + "]\n")) + "public partial class Program;\n";
}
