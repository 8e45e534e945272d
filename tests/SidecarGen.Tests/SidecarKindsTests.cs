using System.Reflection;
using SidecarGen.Model;
using SidecarGen.Sidecars;

namespace SidecarGen.Tests;

/// <summary>
/// The registry of sidecar kinds covers the public surface: every attribute class has a kind, every
/// public property of every attribute reaches its options, and every default image is pinned.
/// </summary>
public sealed class SidecarKindsTests
{
    private static readonly Type[] SidecarAttributes = typeof(SidecarAttribute).Assembly.GetTypes()
        .Where(t => t == typeof(SidecarAttribute) || t.IsSubclassOf(typeof(SidecarAttribute)))
        .ToArray();

    public static TheoryData<string> AttributeNames => new(SidecarAttributes.Select(t => t.Name));

    [Fact]
    public void Every_sidecar_attribute_class_has_exactly_one_kind()
    {
        Assert.Equal(
            SidecarAttributes.Select(t => t.Name).Order(),
            SidecarKinds.All.Select(kind => kind.AttributeType.Name).Order());
    }

    [Fact]
    public void Every_built_in_sidecar_declares_exactly_one_concern()
    {
        Assert.All(SidecarAttributes.Where(t => t != typeof(SidecarAttribute)), type =>
        {
            Assert.True(type.IsSealed, type.Name);
            Assert.Single(type.GetCustomAttributes<SidecarConcernAttribute>());
        });
    }

    [Theory]
    [MemberData(nameof(AttributeNames))]
    public void Every_public_property_of_a_sidecar_attribute_reaches_its_options(string attributeName)
    {
        var kind = SidecarKinds.All.Single(k => k.AttributeType.Name == attributeName);
        var baseline = kind.Read(NewAttribute(kind.AttributeType));
        Assert.All(SettableProperties(kind.AttributeType), property =>
        {
            var attribute = NewAttribute(kind.AttributeType);
            property.SetValue(attribute, OtherValue(property.PropertyType, property.GetValue(attribute)));
            Assert.True(!Equals(baseline, kind.Read(attribute)), $"{attributeName}.{property.Name} is not read into {kind.OptionsType.Name}");
        });
    }

    [Fact]
    public void Every_public_property_of_the_service_attribute_reaches_its_options()
    {
        var baseline = ServiceOptions.Read(new SidecarServiceAttribute("orders"));
        Assert.NotEqual(baseline, ServiceOptions.Read(new SidecarServiceAttribute("ledger")));
        Assert.All(SettableProperties(typeof(SidecarServiceAttribute)), property =>
        {
            var attribute = new SidecarServiceAttribute("orders");
            property.SetValue(attribute, OtherValue(property.PropertyType, property.GetValue(attribute)));
            Assert.True(!Equals(baseline, ServiceOptions.Read(attribute)), $"SidecarServiceAttribute.{property.Name} is not read into ServiceOptions");
        });
    }

    [Fact]
    public void Default_images_are_pinned_to_a_version()
    {
        var images = SidecarKinds.All.SelectMany(kind => kind.DefaultImages).ToList();
        Assert.NotEmpty(images);
        Assert.All(images, image =>
        {
            var tag = image[(image.LastIndexOf(':') + 1)..];
            Assert.DoesNotContain("/", tag);
            Assert.NotEqual("latest", tag);
            Assert.Matches(@"\d+\.\d+", tag);
        });
    }

    [Fact]
    public void Only_the_generic_kind_needs_an_image_of_the_user()
    {
        Assert.Equal(new[] { nameof(SidecarAttribute) }, SidecarKinds.All.Where(kind => !kind.DefaultImages.Any()).Select(kind => kind.AttributeType.Name));
    }

    internal static IEnumerable<PropertyInfo> SettableProperties(Type attributeType) =>
        attributeType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true } && p.DeclaringType != typeof(Attribute));

    private static SidecarAttribute NewAttribute(Type type) =>
        type == typeof(SidecarAttribute) ? new SidecarAttribute("cache", "redis:7.4.1") : (SidecarAttribute)Activator.CreateInstance(type)!;

    /// <summary>A value of <paramref name="type"/> different from <paramref name="current"/>.</summary>
    private static object OtherValue(Type type, object? current) => type switch
    {
        _ when type == typeof(string) => current as string == "changed-value" ? "other-value" : "changed-value",
        _ when type == typeof(int) => (int)current! + 7,
        _ when type == typeof(bool) => !(bool)current!,
        _ when type == typeof(string[]) => new[] { "changed-item" },
        _ when type == typeof(int[]) => new[] { 4242 },
        { IsEnum: true } => Enum.GetValues(type).Cast<object>().First(value => !value.Equals(current) && Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) != 0),
        _ => throw new NotSupportedException($"No test value for {type}"),
    };
}
