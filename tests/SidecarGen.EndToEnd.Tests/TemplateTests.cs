namespace SidecarGen.EndToEnd.Tests;

/// <summary>
/// `dotnet new sidecargen-service` as a newcomer types it: the packed template installed into a hive of its own,
/// a service made from it in an empty folder that knows only the packed feed, built into its manifests.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(PackedPackageCollection.Name)]
public sealed class TemplateTests(PackedPackage package)
{
    [Fact]
    public void A_service_from_the_template_builds_against_the_packed_package_into_its_manifests()
    {
        var project = TemplateService.Create(package, "Hello.Api");
        Assert.Contains($"<PackageReference Include=\"SidecarGen\" Version=\"{package.Version}\" />", File.ReadAllText(Path.Combine(project, "Hello.Api.csproj")));

        // As generated, without a warning: no SidecarGen rule (nor the compiler) finds anything to say.
        var build = DotNet.Succeed(project, "build", "-warnaserror");
        Assert.Contains("0 Warning(s)", build);
        var deploy = Path.Combine(project, "bin", "Debug", "net10.0", "deploy");
        var files = Directory.EnumerateFiles(deploy, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(deploy, path).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();
        Assert.Contains("compose/compose.yaml", files);
        Assert.Contains("kubernetes/kustomization.yaml", files);
        var deployment = File.ReadAllText(Path.Combine(deploy, "kubernetes", "deployment.yaml"));
        Assert.Contains("name: hello-api", deployment);
        Assert.Contains("image: hello-api:1.0.0", deployment);
        Assert.Contains("fluent-bit", deployment);
        Assert.Contains("path: /healthz", deployment);
    }
}
