using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using SidecarGen.Build;

namespace SidecarGen.Tests.Build;

/// <summary>
/// The system build's extraction of its services' descriptions: one file per service in reference
/// order, rewritten only when it changed (so an unchanged service does not recompile the system),
/// stale ones removed, the services' attribute files handed on, non-services left out; with a state
/// file, an assembly unchanged since the last read is not opened again.
/// </summary>
public sealed class ExtractServiceDescriptionsTests : IDisposable
{
    private readonly TaskHarness harness = new();

    public void Dispose() => harness.Dispose();

    private string Descriptions => Path.Combine(harness.Root, "obj", "sidecargen", "services");

    [Fact]
    public void Writes_each_description_once_and_only_when_it_changed()
    {
        var program = OrdersSource();
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

    [Fact]
    public void Opens_only_the_assemblies_that_changed_since_the_last_read()
    {
        var program = OrdersSource();
        var orders = harness.AssemblyWith(("SidecarGen.Service", "version: 1\norders\n"), ("SidecarGen.ServiceSources", program + "\n"));
        var ledger = harness.AssemblyWith(("SidecarGen.Service", "version: 1\nledger\n"));
        var library = harness.AssemblyWith();
        ITaskItem[] References() => new[] { Item(orders, "/src/Orders/Orders.csproj"), Item(ledger, "/src/Ledger/Ledger.csproj"), Item(library, "/src/Shared/Shared.csproj") };
        Assert.Equal(new[] { orders, ledger, library }, RunRecorded(References()));

        // Unchanged by size and write time, so not opened: garbage in their place would fail the read.
        Garble(orders);
        Garble(library);
        harness.BuildEngine.Messages.Clear();
        var task = Run(withState: true, References());
        Assert.DoesNotContain(harness.BuildEngine.Messages, message => message.StartsWith("SidecarGen: reading the description", StringComparison.Ordinal));
        Assert.Equal(new[] { "000-Orders.yaml", "001-Ledger.yaml" }, task.Descriptions.Select(item => Path.GetFileName(item.ItemSpec)));
        Assert.Equal("version: 1\norders\n", File.ReadAllText(task.Descriptions[0].ItemSpec));
        Assert.Equal(new[] { program }, task.Sources.Select(source => source.ItemSpec));
        Assert.Contains(harness.BuildEngine.Messages, message => message.Contains("/src/Shared/Shared.csproj is referenced by the system 'shop' but is no SidecarGen service", StringComparison.Ordinal));

        // One service rebuilt: only its assembly is read.
        File.SetLastWriteTimeUtc(ledger, File.GetLastWriteTimeUtc(ledger).AddSeconds(1));
        Assert.Equal(new[] { ledger }, RunRecorded(References()));

        // Its description deleted by hand: read again, and written again.
        File.Delete(Path.Combine(Descriptions, "001-Ledger.yaml"));
        Assert.Equal(new[] { ledger }, RunRecorded(References()));
        Assert.Equal("version: 1\nledger\n", File.ReadAllText(Path.Combine(Descriptions, "001-Ledger.yaml")));
    }

    [Fact]
    public void Without_a_state_file_reads_every_assembly_on_every_run()
    {
        var orders = harness.AssemblyWith(("SidecarGen.Service", "version: 1\n"));
        Run(Item(orders, "/src/Orders/Orders.csproj"));
        harness.BuildEngine.Messages.Clear();
        Run(Item(orders, "/src/Orders/Orders.csproj"));
        Assert.Single(harness.BuildEngine.Messages, message => message.StartsWith("SidecarGen: reading the description", StringComparison.Ordinal));
    }

    /// <summary>The Orders service's source file that holds its attributes.</summary>
    private string OrdersSource()
    {
        var program = Path.Combine(harness.Root, "Orders", "Program.cs");
        Directory.CreateDirectory(Path.GetDirectoryName(program)!);
        File.WriteAllText(program, "// the service's source");
        return program;
    }

    /// <summary>Runs with the state file; returns the assemblies the task said it opened.</summary>
    private string[] RunRecorded(ITaskItem[] assemblies)
    {
        harness.BuildEngine.Messages.Clear();
        Run(withState: true, assemblies);
        return harness.BuildEngine.Messages
            .Where(message => message.StartsWith("SidecarGen: reading the description", StringComparison.Ordinal))
            .Select(message => message[(message.LastIndexOf(" from ", StringComparison.Ordinal) + " from ".Length)..])
            .ToArray();
    }

    /// <summary>Overwrites an assembly with zeros of the same length, keeping its write time.</summary>
    private static void Garble(string assembly)
    {
        var written = File.GetLastWriteTimeUtc(assembly);
        File.WriteAllBytes(assembly, new byte[new FileInfo(assembly).Length]);
        File.SetLastWriteTimeUtc(assembly, written);
    }

    private ExtractServiceDescriptions Run(params ITaskItem[] assemblies) => Run(withState: false, assemblies);

    private ExtractServiceDescriptions Run(bool withState, params ITaskItem[] assemblies)
    {
        var task = new ExtractServiceDescriptions
        {
            Assemblies = assemblies,
            OutputDirectory = Descriptions,
            StateFile = withState ? Path.Combine(harness.Root, "obj", "sidecargen", "services.read.txt") : string.Empty,
            SystemName = "shop",
            BuildEngine = harness.BuildEngine,
        };
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
