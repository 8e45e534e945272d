using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using k8s.Models;
using SidecarGen.Sidecars;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests;

/// <summary>
/// docs/architecture.md, "Adding a sidecar kind", is true for every kind of the registry: each piece the
/// recipe names exists. A kind added without one of them fails here, naming the piece.
/// </summary>
public sealed partial class KindRecipeTests
{
    public static TheoryData<string> BuiltInKinds => new(SidecarKinds.All.Where(kind => kind != SidecarKinds.Generic).Select(kind => kind.AttributeType.Name));

    [Theory]
    [MemberData(nameof(BuiltInKinds))]
    public void Step_1_the_attribute_class_is_sealed_conditional_single_concern_and_repeatable(string attributeName)
    {
        var type = Kind(attributeName).AttributeType;
        Assert.True(type.IsSealed, $"{attributeName} is not sealed");
        Assert.Equal(new[] { "SIDECARGEN_KEEP_ATTRIBUTES" }, type.GetCustomAttributes<ConditionalAttribute>(inherit: false).Select(c => c.ConditionString));
        var concern = Assert.Single(type.GetCustomAttributes<SidecarConcernAttribute>(inherit: false)).Concern;
        Assert.True(concern != SidecarConcerns.None && Enum.IsDefined(concern), $"{attributeName}'s concern {concern} is not one flag of SidecarConcerns");

        // Built-in kinds go together in one Pod (SidecarDeclarations.All), so a kind whose concern is taken needs a new flag.
        var sharing = SidecarKinds.All.Where(other => other != SidecarKinds.Generic && other.AttributeType != type)
            .Where(other => other.AttributeType.GetCustomAttributes<SidecarConcernAttribute>(inherit: false).Any(c => c.Concern == concern))
            .Select(other => other.AttributeType.Name);
        Assert.True(!sharing.Any(), $"{attributeName} takes {concern}, as {string.Join(", ", sharing)} does: give it a new flag of SidecarConcerns");
        var usage = type.GetCustomAttribute<AttributeUsageAttribute>(inherit: false);
        Assert.True(usage is { ValidOn: AttributeTargets.Class, AllowMultiple: true, Inherited: false }, $"{attributeName} lacks [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]");
        Assert.NotNull(type.GetConstructor(Type.EmptyTypes));
        Assert.True(File.Exists(Repository.PathOf("src", "SidecarGen.Abstractions", attributeName + ".cs")), $"src/SidecarGen.Abstractions/{attributeName}.cs is missing");
    }

    [Theory]
    [MemberData(nameof(BuiltInKinds))]
    public void Step_2_the_kind_and_its_options_live_in_its_own_folder(string attributeName)
    {
        var kind = Kind(attributeName);
        var folder = kind.GetType().Namespace!["SidecarGen.Sidecars.".Length..];
        Assert.Equal(kind.GetType().Namespace, kind.OptionsType.Namespace);
        foreach (var type in new[] { kind.GetType(), kind.OptionsType })
        {
            Assert.True(File.Exists(Repository.PathOf("src", "SidecarGen", "Sidecars", folder, type.Name + ".cs")), $"src/SidecarGen/Sidecars/{folder}/{type.Name}.cs is missing");
        }

        // Its single-port and folder properties are listed by Ports and Paths, so collisions land on their literals.
        var attribute = (SidecarAttribute)Activator.CreateInstance(kind.AttributeType)!;
        var options = kind.Read(attribute);
        var own = kind.AttributeType.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
        var ports = own.Where(p => p.PropertyType == typeof(int) && p.Name.EndsWith("Port", StringComparison.Ordinal)).Select(p => p.Name);
        Assert.All(ports, port => Assert.True(kind.Ports(options).Any(p => p.Property == port), $"{attributeName}.{port} is not among {kind.GetType().Name}.Ports"));
        var folders = own.Where(p => p.PropertyType == typeof(string) && p.Name.EndsWith("Path", StringComparison.Ordinal) && p.GetValue(attribute) is string path && path.StartsWith('/')).Select(p => p.Name);
        Assert.All(folders, folder => Assert.True(kind.Paths(options).Any(p => p.Property == folder), $"{attributeName}.{folder} is not among {kind.GetType().Name}.Paths"));
    }

    /// <summary>A kind takes inbound traffic exactly when the registry's inbound chain lists it.</summary>
    [Theory]
    [MemberData(nameof(BuiltInKinds))]
    public void Step_3_a_kind_the_services_traffic_enters_through_is_in_the_inbound_chain(string attributeName)
    {
        var kind = Kind(attributeName);
        var output = GeneratorHarness.Run(SidecarDeclarations.Service(Declaration(attributeName).Value));
        var service = KubernetesObjects.Load<V1Service>(output["kubernetes/service.yaml"]);
        var pod = KubernetesObjects.Deployment(output).Spec.Template.Spec;
        var entry = pod.ResolvePort(service.Spec.Ports.Single().TargetPort.Value).Container;
        Assert.Equal(SidecarKinds.InboundChain.Contains(kind), entry == Declaration(attributeName).Key);
    }

    [Theory]
    [MemberData(nameof(BuiltInKinds))]
    public void Step_4_the_kind_has_a_test_declaration_and_a_reviewed_snapshot(string attributeName)
    {
        var key = Declaration(attributeName).Key;
        Assert.True(Directory.Exists(Repository.PathOf("tests", "SidecarGen.Tests", "_snapshots", "kind-" + key)), $"No snapshot kind-{key}");
    }

    [Theory]
    [MemberData(nameof(BuiltInKinds))]
    public void Step_5_every_default_image_is_written_down(string attributeName)
    {
        var images = File.ReadAllText(Repository.PathOf("docs", "images.md"));
        Assert.All(Kind(attributeName).DefaultImages, image => Assert.Contains("`" + image + "`", images));
    }

    public static TheoryData<string> AllKinds => new(SidecarKinds.All.Select(kind => kind.AttributeType.Name));

    /// <summary>
    /// docs/sidecars/&lt;kind&gt;.md, named by the sidecar's default name (custom.md for [Sidecar] and its
    /// derived classes), headed by the kind, and linked from the table of attributes in docs/sidecars/README.md.
    /// </summary>
    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Step_5_the_kind_has_its_page_in_docs_sidecars(string attributeName)
    {
        var kind = Kind(attributeName);
        var page = kind == SidecarKinds.Generic ? "custom" : ((SidecarAttribute)Activator.CreateInstance(kind.AttributeType)!).Name;
        var path = Repository.PathOf("docs", "sidecars", page + ".md");
        Assert.True(File.Exists(path), $"[{attributeName[..^"Attribute".Length]}] has no page docs/sidecars/{page}.md");
        var heading = kind == SidecarKinds.Generic ? "Custom sidecars" : Words().Replace(attributeName[..^"SidecarAttribute".Length], " $1").Trim() + " sidecar";
        Assert.Matches(new Regex("^# " + heading + "\n", RegexOptions.IgnoreCase), File.ReadAllText(path));
        var index = File.ReadAllText(Repository.PathOf("docs", "sidecars", "README.md"));
        Assert.True(
            Regex.IsMatch(index, "^\\| \\[`\\[" + attributeName[..^"Attribute".Length] + "[(\\]][^`]*`\\]\\(" + page + "\\.md\\) \\|", RegexOptions.Multiline),
            $"docs/sidecars/README.md's table of attributes has no row for [{attributeName[..^"Attribute".Length]}] linking {page}.md");
    }

    private static SidecarKind Kind(string attributeName) => SidecarKinds.All.Single(kind => kind.AttributeType.Name == attributeName);

    /// <summary>The kind's case in <see cref="SidecarDeclarations.Each"/>: its name and the attribute as a test writes it.</summary>
    private static KeyValuePair<string, string> Declaration(string attributeName)
    {
        var written = attributeName[..^"Attribute".Length];
        var found = SidecarDeclarations.Each.Where(each => each.Value == written || each.Value.StartsWith(written + "(", StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 1, $"SidecarDeclarations.Each has no case of [{written}]");
        return found[0];
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex Words();
}
