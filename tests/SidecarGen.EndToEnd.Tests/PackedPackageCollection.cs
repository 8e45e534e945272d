namespace SidecarGen.EndToEnd.Tests;

/// <summary>
/// One <see cref="PackedPackage"/> for every end-to-end test class: as a class fixture each class
/// packed its own, in parallel, and two packs of one repository collide on its bin/Release files.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "Packed package";
}
