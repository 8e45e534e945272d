namespace SidecarGen.EndToEnd.Tests;

/// <summary>
/// A fresh ASP.NET Core project in a temporary folder that knows SidecarGen only as a package
/// reference by version, restored from the packed feed alone into its own package cache.
/// </summary>
internal sealed class ConsumerProject
{
    private ConsumerProject(string directory) => Directory = directory;

    public string Directory { get; }

    public string Deploy => Path.Combine(Directory, "bin", "Debug", "net10.0", "deploy");

    public static ConsumerProject Create(PackedPackage package, string name, string program)
    {
        var directory = Path.Combine(package.Root, name);
        WriteIsolation(package, directory);
        return WriteService(package, directory, name, program);
    }

    /// <summary>
    /// Empty Directory.Build.* files stop MSBuild from importing the repository's own, and a nuget.config
    /// restores from the packed feed alone into its own package cache: for <paramref name="directory"/> and below.
    /// With <paramref name="machineSources"/>, the machine's own package sources stay too, for real packages beside SidecarGen.
    /// </summary>
    public static void WriteIsolation(PackedPackage package, string directory, bool machineSources = false)
    {
        System.IO.Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n");
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{Path.Combine(package.Root, "packages")}" /></config>
              <packageSources>
                {(machineSources ? string.Empty : "<clear />")}
                <add key="sidecargen" value="{package.Feed}" />
              </packageSources>
            </configuration>
            """);
    }

    /// <summary>An ASP.NET Core project referencing the package (and <paramref name="packages"/>), in <paramref name="directory"/>.</summary>
    public static ConsumerProject WriteService(PackedPackage package, string directory, string name, string program, params (string Id, string Version)[] packages)
    {
        System.IO.Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SidecarGen" Version="{package.Version}" />
            {string.Concat(packages.Select(reference => $"    <PackageReference Include=\"{reference.Id}\" Version=\"{reference.Version}\" />\n"))}  </ItemGroup>
            </Project>
            """);
        var consumer = new ConsumerProject(directory);
        consumer.WriteProgram(program);
        return consumer;
    }

    public void WriteProgram(string program) => File.WriteAllText(Path.Combine(Directory, "Program.cs"), program);

    public string Build() => DotNet.Succeed(Directory, "build");

    public string ManifestPath(string relative) => Path.Combine(Deploy, relative);

    /// <summary>The file the write target touches each time it runs.</summary>
    public string WriteStamp() => System.IO.Directory.GetFiles(Path.Combine(Directory, "obj", "Debug", "net10.0"), "sidecargen.*.stamp").Single();

    public string[] Manifests() =>
        System.IO.Directory.Exists(Deploy)
            ? System.IO.Directory.EnumerateFiles(Deploy, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(Deploy, path).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray()
            : Array.Empty<string>();
}
