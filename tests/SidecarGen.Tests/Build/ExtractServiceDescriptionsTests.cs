using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using SidecarGen.Build;

namespace SidecarGen.Tests.Build;

/// <summary>
/// The system build's extraction of its services' descriptions: one file per service in reference
/// order, rewritten only when it changed (so an unchanged service does not recompile the system),
/// stale ones removed, the services' attribute files handed on, non-services left out.
/// </summary>
public sealed class ExtractServiceDescriptionsTests : IDisposable
{
    private readonly TaskHarness harness = new();

    public void Dispose() => harness.Dispose();

    private string Descriptions => Path.Combine(harness.Root, "obj", "sidecargen", "services");

    [Fact]
    public void Writes_each_description_once_and_only_when_it_changed()
    {
        var program = Path.Combine(harness.Root, "Orders", "Program.cs");
        Directory.CreateDirectory(Path.GetDirectoryName(program)!);
        File.WriteAllText(program, "// the service's source");
        var orders = harness.AssemblyWith(("SidecarGen.Service", "version: 1\n"), ("SidecarGen.ServiceSources", program + "\n/gone/Program.cs\n"));
        var library = harness.AssemblyWith();

        var task = Run(Item(orders, "/src/Orders/Orders.csproj"), Item(library, "/src/Shared/Shared.csproj"));

        var description = Assert.Single(task.Descriptions);
        Assert.Equal(Path.Combine(Descriptions, "000-Orders.yaml"), description.ItemSpec);
        Assert.Equal("/src/Orders/Orders.csproj", description.GetMetadata(ExtractServiceDescriptions.ProjectMetadata));
        Assert.Equal("version: 1\n", File.ReadAllText(description.ItemSpec));
        Assert.Equal(new[] { program }, task.Sources.Select(source => source.ItemSpec));
        Assert.Contains(harness.BuildEngine.Messages, message => message.Contains("/src/Shared/Shared.csproj is referenced by the system 'shop' but is no SidecarGen service", StringComparison.Ordinal));

        var written = File.GetLastWriteTimeUtc(description.ItemSpec);
        Thread.Sleep(1100);
        Run(Item(orders, "/src/Orders/Orders.csproj"));
        Assert.Equal(written, File.GetLastWriteTimeUtc(description.ItemSpec));
    }

    [Fact]
    public void Removes_the_description_of_a_service_no_longer_referenced_and_keeps_it_while_unbuilt()
    {
        var orders = harness.AssemblyWith(("SidecarGen.Service", "version: 1\n"));
        var ledger = harness.AssemblyWith(("SidecarGen.Service", "version: 1\nledger\n"));
        Run(Item(orders, "/src/Orders/Orders.csproj"), Item(ledger, "/src/Ledger/Ledger.csproj"));

        // A design-time build: the assemblies are not there yet; what the last build extracted stays.
        var unbuilt = Run(Item(Path.Combine(harness.Root, "missing", "Orders.dll"), "/src/Orders/Orders.csproj"), Item(ledger, "/src/Ledger/Ledger.csproj"));
        Assert.Equal(2, unbuilt.Descriptions.Length);

        Run(Item(orders, "/src/Orders/Orders.csproj"));
        Assert.Equal(new[] { "000-Orders.yaml" }, Directory.GetFiles(Descriptions).Select(Path.GetFileName));
    }

    private ExtractServiceDescriptions Run(params ITaskItem[] assemblies)
    {
        var task = new ExtractServiceDescriptions { Assemblies = assemblies, OutputDirectory = Descriptions, SystemName = "shop", BuildEngine = harness.BuildEngine };
        Assert.True(task.Execute(), string.Join("\n", harness.BuildEngine.Errors));
        return task;
    }

    private static TaskItem Item(string assembly, string project)
    {
        var item = new TaskItem(assembly);
        item.SetMetadata("MSBuildSourceProjectFile", project);
        return item;
    }
}
