namespace SidecarGen.EndToEnd.Tests;

/// <summary>
/// The install steps of docs/install.md done for real against the packed nupkg: under Central Package
/// Management with package source mapping, and the Program declaration the README asks for, including
/// what a build says when that declaration (and the attributes on it) is gone.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(PackedPackageCollection.Name)]
public sealed class InstallConsumerTests(PackedPackage package)
{
    private const string Attributes = """
        [SidecarService("catalog", Image = "registry.example.com/catalog:1.0.0")]
        [MetricsSidecar]
        """;

    private const string TopLevel = """
        using SidecarGen;

        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/healthz", () => "ok");
        app.Run();

        """;

    [Fact]
    public void Dotnet_add_package_under_central_package_management_and_source_mapping_installs_and_builds()
    {
        var root = Path.Combine(package.Root, "Cpm");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
              </ItemGroup>
            </Project>
            """);
        // The steps of docs/install.md: SidecarGen's source, and SidecarGen mapped to it.
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{Path.Combine(package.Root, "packages")}" /></config>
              <packageSources>
                <clear />
                <add key="sidecargen" value="{package.Feed}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="sidecargen">
                  <package pattern="SidecarGen" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        var project = Path.Combine(root, "Catalog");
        Directory.CreateDirectory(project);
        var csproj = Path.Combine(project, "Catalog.csproj");
        File.WriteAllText(csproj, """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), TopLevel + Attributes + "partial class Program;\n");

        DotNet.Succeed(project, "add", "package", "SidecarGen", "--version", package.Version);

        // The version went where CPM keeps versions; the reference carries none.
        Assert.Contains($"<PackageVersion Include=\"SidecarGen\" Version=\"{package.Version}\" />", File.ReadAllText(Path.Combine(root, "Directory.Packages.props")));
        var reference = File.ReadAllLines(csproj).Single(line => line.Contains("Include=\"SidecarGen\"", StringComparison.Ordinal));
        Assert.DoesNotContain("Version", reference);
        DotNet.Succeed(project, "build");
        Assert.True(File.Exists(Path.Combine(project, "bin", "Debug", "net10.0", "deploy", "kubernetes", "deployment.yaml")));

        // What the README's plain step would have written instead: NU1008, and no build.
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("Include=\"SidecarGen\"", $"Include=\"SidecarGen\" Version=\"{package.Version}\"", StringComparison.Ordinal));
        var (exitCode, output) = DotNet.Run(project, "build");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("NU1008", output);
    }

    [Fact]
    public void Partial_program_with_or_without_public_generates_and_a_build_that_loses_the_attributes_warns_SCG0044()
    {
        var consumer = ConsumerProject.Create(package, "Catalog", TopLevel + Attributes + "partial class Program;\n");
        consumer.Build();
        var manifests = consumer.Manifests();
        Assert.Contains("kubernetes/deployment.yaml", manifests);

        consumer.WriteProgram(TopLevel + Attributes + "public partial class Program;\n");
        var output = consumer.Build();
        Assert.Equal(manifests, consumer.Manifests());
        Assert.DoesNotContain("SCG0044", output);

        // What ASP0027's code fix leaves: the declaration gone, its attributes with it.
        consumer.WriteProgram(TopLevel);
        output = consumer.Build();
        Assert.Empty(consumer.Manifests());
        Assert.Matches($@"warning SCG0044: SidecarGen removed the {manifests.Length} manifest file\(s\) it had written to '[^']*deploy/?': this build generates none\. The project has no SidecarGen service any more", output);
    }
}
