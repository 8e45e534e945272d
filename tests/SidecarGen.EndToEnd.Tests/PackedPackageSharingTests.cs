using System.Reflection;

namespace SidecarGen.EndToEnd.Tests;

/// <summary>
/// Every test class that takes the packed package shares the one of <see cref="PackedPackageCollection"/>:
/// a class fixture of its own packs the repository a second time, in parallel, and the two packs rebuild
/// src/*/bin/Release under each other (a ReadyToRun copy of one build beside the IL of the other).
/// </summary>
public sealed class PackedPackageSharingTests
{
    [Fact]
    public void Every_class_taking_the_packed_package_is_in_its_collection()
    {
        var takers = typeof(PackedPackage).Assembly.GetTypes()
            .Where(type => type.GetConstructors().Any(constructor => constructor.GetParameters().Any(parameter => parameter.ParameterType == typeof(PackedPackage))))
            .ToArray();

        Assert.NotEmpty(takers);
        Assert.All(takers, type => Assert.Equal(PackedPackageCollection.Name, CollectionOf(type)));
    }

    private static string? CollectionOf(Type type) =>
        type.GetCustomAttributesData()
            .Where(attribute => attribute.AttributeType == typeof(CollectionAttribute))
            .Select(attribute => attribute.ConstructorArguments[0].Value as string)
            .SingleOrDefault();
}
