using System.Collections.Immutable;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;

namespace SidecarGen.EndToEnd.Tests;

/// <summary>
/// The package's ReadyToRun copies of its analyzer assemblies (readytorun/linux-x64/): native code
/// beside the same IL, handed to a .NET compiler on linux-x64 instead of the IL copies, with the same
/// output. Packed on another platform, the package carries no copies and every compiler gets the IL.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(PackedPackageCollection.Name)]
public sealed class ReadyToRunTests(PackedPackage package)
{
    private const string Program = """
        using SidecarGen;

        var app = WebApplication.CreateBuilder(args).Build();
        app.Run();

        [SidecarService("ledger", Image = "registry.example.com/ledger:2.0.1")]
        [LoggingSidecar]
        [ServiceMeshSidecar(Upstreams = new[] { "fx=fx.finance.svc.cluster.local:8080" })]
        public partial class Program;
        """;

    private static readonly string[] CompiledAssemblies = { "SidecarGen.Abstractions.dll", "SidecarGen.dll", "YamlDotNet.dll" };

    private static bool PackedOnLinuxX64 => OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64;

    [Fact]
    public void The_ReadyToRun_copies_hold_native_code_and_the_same_assemblies()
    {
        using var nupkg = ZipFile.OpenRead(Path.Combine(package.Feed, $"SidecarGen.{package.Version}.nupkg"));
        var copies = nupkg.Entries.Where(entry => entry.FullName.StartsWith("readytorun/", StringComparison.Ordinal)).Select(entry => entry.FullName).Order(StringComparer.Ordinal).ToArray();
        if (!PackedOnLinuxX64)
        {
            Assert.Empty(copies);
            return;
        }

        Assert.Equal(new[] { "readytorun/linux-x64/SidecarGen.Abstractions.dll", "readytorun/linux-x64/SidecarGen.dll", "readytorun/linux-x64/YamlDotNet.dll" }, copies);
        foreach (var assembly in CompiledAssemblies)
        {
            var il = Read(nupkg, "analyzers/dotnet/cs/" + assembly);
            var native = Read(nupkg, "readytorun/linux-x64/" + assembly);
            Assert.Equal(0, il.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size);
            Assert.True(native.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, assembly + " has no ReadyToRun header");
            Assert.Equal(Identity(il), Identity(native));
        }
    }

    [Fact]
    public void A_dotnet_compiler_on_linux_x64_gets_the_ReadyToRun_copies_and_writes_the_same_manifests()
    {
        var consumer = ConsumerProject.Create(package, "Ledger", Program);
        var readyToRun = DotNet.Succeed(consumer.Directory, "build", "-v:detailed");
        var expected = PackedOnLinuxX64 ? "readytorun/linux-x64/" : "analyzers/dotnet/cs/";
        foreach (var assembly in CompiledAssemblies)
        {
            Assert.Contains("/" + expected + assembly, AnalyzerArguments(readyToRun));
        }

        var manifests = consumer.Manifests().ToDictionary(path => path, path => File.ReadAllText(consumer.ManifestPath(path)));
        Assert.Contains("kubernetes/deployment.yaml", manifests.Keys);

        // The same build with the IL copies writes the same bytes.
        Directory.Delete(consumer.Deploy, recursive: true);
        Directory.Delete(Path.Combine(consumer.Directory, "obj", "Debug"), recursive: true);
        var il = DotNet.Succeed(consumer.Directory, "build", "-v:detailed", "-p:SidecarGenReadyToRun=false");
        Assert.DoesNotContain("/readytorun/", AnalyzerArguments(il));
        Assert.Equal(manifests, consumer.Manifests().ToDictionary(path => path, path => File.ReadAllText(consumer.ManifestPath(path))));
    }

    private static string AnalyzerArguments(string buildOutput) =>
        string.Join('\n', buildOutput.Split(' ', '\n').Where(word => word.StartsWith("/analyzer:", StringComparison.Ordinal) && word.Contains("sidecargen", StringComparison.OrdinalIgnoreCase)).Select(word => word.Replace('\\', '/')));

    private static PEReader Read(ZipArchive nupkg, string path)
    {
        using var stream = nupkg.GetEntry(path)!.Open();
        var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return new PEReader(bytes.ToArray().ToImmutableArray());
    }

    /// <summary>What must not change between the IL and its ReadyToRun copy: name, version, module id and types.</summary>
    private static string Identity(PEReader image)
    {
        var metadata = image.GetMetadataReader();
        var assembly = metadata.GetAssemblyDefinition();
        return $"{metadata.GetString(assembly.Name)} {assembly.Version} {metadata.GetGuid(metadata.GetModuleDefinition().Mvid)} {metadata.TypeDefinitions.Count} types";
    }
}
