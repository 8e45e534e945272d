namespace SidecarGen.EndToEnd.Tests;

/// <summary>
/// A system as a user builds it from the packed nupkg: a fresh solution of three services and a system
/// project referencing them (<c>ReferenceOutputAssembly="false"</c>), built in parallel and serially to
/// the same files, then broken by a call to no service and reported in the caller's own Program.cs.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(PackedPackageCollection.Name)]
public sealed class SystemConsumerTests(PackedPackage package)
{
    private static readonly (string Project, string Attributes)[] Services =
    {
        ("Storefront", """[SidecarService("storefront", Image = "registry.example.com/storefront:1.0.0", Calls = new[] { "orders" })]"""),
        ("Orders", """[SidecarService("orders", Image = "registry.example.com/orders:1.0.0", Calls = new[] { "ledger" })]""" + "\n" + """[ServiceMeshSidecar(Upstreams = new[] { "ledger" }, Mtls = false)]"""),
        ("Ledger", """[SidecarService("ledger", Image = "registry.example.com/ledger:1.0.0")]""" + "\n" + "[LoggingSidecar]"),
    };

    [Fact]
    public void A_solution_of_services_and_a_system_builds_in_parallel_to_the_same_files_as_serially()
    {
        var root = Path.Combine(package.Root, "shop-solution");
        ConsumerProject.WriteIsolation(package, root);
        foreach (var (project, attributes) in Services)
        {
            ConsumerProject.WriteService(package, Path.Combine(root, project), project, Program(attributes));
        }

        WriteSystem(root);
        DotNet.Succeed(root, "new", "sln", "-n", "Shop");
        DotNet.Succeed(root, "sln", "add", "Storefront", "Orders", "Ledger", "Shop");

        var parallel = DotNet.Succeed(root, "build", "-m");
        Assert.Contains("SidecarGen: shop: http://localhost:8080 -> storefront", parallel, StringComparison.Ordinal);
        Assert.Contains("SidecarGen: shop: http://localhost:8081 -> orders", parallel, StringComparison.Ordinal);
        var system = Path.Combine(root, "Shop", "bin", "Debug", "net10.0", "deploy");
        var files = Snapshot(root);
        Assert.Contains("Shop/bin/Debug/net10.0/deploy/compose/compose.yaml", files.Keys);
        Assert.Contains("Shop/bin/Debug/net10.0/deploy/kubernetes/kustomization.yaml", files.Keys);
        Assert.Contains("Shop/bin/Debug/net10.0/deploy/kubernetes/orders/networkpolicy.yaml", files.Keys);
        Assert.Contains("Shop/bin/Debug/net10.0/deploy/compose/config/ledger-logging/fluent-bit.conf", files.Keys);
        foreach (var (project, _) in Services)
        {
            // Each service's own deploy/ stays as it is alone.
            Assert.Contains($"{project}/bin/Debug/net10.0/deploy/compose/compose.yaml", files.Keys);
        }

        Assert.Contains("services__orders__http__0: http://orders:15001", files["Shop/bin/Debug/net10.0/deploy/compose/compose.yaml"], StringComparison.Ordinal);

        DotNet.Succeed(root, "clean");
        Assert.False(File.Exists(Path.Combine(system, "compose", "compose.yaml")), "dotnet clean removes the system's files");
        DotNet.Succeed(root, "build", "-m:1");
        Assert.Equal(files, Snapshot(root));

        // A call to no service of the system: SCG0017 in the caller's Program.cs, and the system's files stay as they were.
        var storefront = Path.Combine(root, "Storefront", "Program.cs");
        File.WriteAllText(storefront, File.ReadAllText(storefront).Replace("Calls = new[] { \"orders\" }", "Calls = new[] { \"order\" }", StringComparison.Ordinal));
        var (exitCode, output) = DotNet.Run(root, "build", "-m");
        Assert.NotEqual(0, exitCode);
        Assert.Matches(@"Storefront/Program\.cs\(\d+,\d+\): error SCG0017: 'order' is no service of the system", output);
        Assert.Equal(SystemFiles(files), SystemFiles(Snapshot(root)));
    }

    private static string Program(string attributes) => $"""
        using SidecarGen;

        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/healthz", () => "ok");
        app.Run();

        {attributes}
        public partial class Program;
        """;

    private void WriteSystem(string root)
    {
        var directory = Path.Combine(root, "Shop");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Shop.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <SidecarGenSystem>shop</SidecarGenSystem>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SidecarGen" Version="{package.Version}" />
                <ProjectReference Include="../Storefront/Storefront.csproj" ReferenceOutputAssembly="false" />
                <ProjectReference Include="../Orders/Orders.csproj" ReferenceOutputAssembly="false" />
                <ProjectReference Include="../Ledger/Ledger.csproj" ReferenceOutputAssembly="false" />
              </ItemGroup>
            </Project>
            """);
    }

    private static Dictionary<string, string> SystemFiles(Dictionary<string, string> files) =>
        files.Where(file => file.Key.StartsWith("Shop/", StringComparison.Ordinal)).ToDictionary();

    /// <summary>Every file under any deploy/ folder of the solution, by path relative to the solution.</summary>
    private static Dictionary<string, string> Snapshot(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(path => path.Replace('\\', '/').Contains("/deploy/", StringComparison.Ordinal))
            .ToDictionary(path => Path.GetRelativePath(root, path).Replace('\\', '/'), File.ReadAllText);
}
