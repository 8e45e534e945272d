using Microsoft.CodeAnalysis;
using SidecarGen.Reading;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Systems;

/// <summary>
/// A service read from its description is the service its own build read: the neutral form carries
/// every argument (constants, enums, arrays, nulls, a custom sidecar's base-constructor name and image).
/// </summary>
public sealed class ServiceDescriptionTests
{
    public static TheoryData<string> Services()
    {
        var data = new TheoryData<string> { Sources.OrderService, SidecarDeclarations.All() };
        foreach (var sidecar in SidecarDeclarations.Each.Values)
        {
            data.Add(SidecarDeclarations.Service(sidecar));
        }

        data.Add(SidecarDeclarations.Service("Sidecar(\"odd\", null!, Args = null, Env = new string[] { null!, \"A=1\" }, Ports = new[] { 0, 70000 })", "LoggingSidecar(Agent = (LogAgent)42)"));
        return data;
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Reads_back_as_the_service_its_own_build_reads(string source)
    {
        var compilation = GeneratorHarness.Compile(source);
        var program = compilation.GetTypeByMetadataName("Program")!;
        var expected = AttributeReader.Read(program, CancellationToken.None);

        var description = ServiceDescriptionReader.Read("/src/Service/Service.csproj", SystemHarness.Description(new SystemHarness.Service("Service", source)));

        Assert.NotNull(description);
        Assert.Equal(expected, DeclarationReader.Read(description.Attributes));
        Assert.Equal("Service", description.Settings.AssemblyName);
    }

    [Fact]
    public void Says_where_each_attribute_is_written_in_terms_a_body_edit_does_not_change()
    {
        var source = "using SidecarGen;\n\n[SidecarService(\"storefront\")]\n[System.Obsolete]\n[LoggingSidecar]\npublic partial class Program { static void Main() { } }\n";
        var edited = source.Replace("{ }", "{ System.Console.WriteLine(); }", StringComparison.Ordinal);

        var description = SystemHarness.Description(new SystemHarness.Service("Storefront", source));
        var read = ServiceDescriptionReader.Read("/src/Storefront/Storefront.csproj", description)!;

        Assert.Equal(description, SystemHarness.Description(new SystemHarness.Service("Storefront", edited)));
        Assert.Equal("Program", read.Source.ClassName);
        Assert.Equal("/src/Storefront/Program.cs", read.Source.ClassPath);
        Assert.Equal(new[] { (0, 0), (2, 2) }, read.Source.Attributes.Select(attribute => (attribute.Ordinal, attribute.Index)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("version: 2\nattributes: []\n")]
    [InlineData("[not, a, map]")]
    [InlineData("version: 1\nattributes:\n  - ordinal: x\n")]
    public void Text_that_is_no_description_of_this_format_reads_as_null(string text) =>
        Assert.Null(ServiceDescriptionReader.Read("/p.csproj", text));
}
