using System.Reflection;
using SidecarGen.Sidecars;

namespace SidecarGen.Tests;

/// <summary>The generator's copies of the public surface (enum values, default names) stay equal to it.</summary>
public sealed class AttributeSurfaceTests
{
    [Fact]
    public void Concern_values_match_the_public_enum()
    {
        Assert.Equal(
            Enum.GetValues<SidecarConcerns>().Select(v => (v.ToString(), (int)v)),
            Enum.GetValues<SidecarGen.Model.Concerns>().Select(v => (v.ToString(), (int)v)));
    }

    [Fact]
    public void Log_output_values_match_the_public_enum()
    {
        Assert.Equal(
            Enum.GetValues<LogOutput>().Select(v => (v.ToString(), (int)v)),
            Enum.GetValues<SidecarGen.Sidecars.Logging.LogOutputKind>().Select(v => (v.ToString(), (int)v)));
    }

    [Fact]
    public void Built_in_sidecars_default_to_the_names_the_generator_uses()
    {
        Assert.Equal(LoggingSidecar.DefaultName, new LoggingSidecarAttribute().Name);
        Assert.Equal(AuthProxySidecar.DefaultName, new AuthProxySidecarAttribute().Name);
        Assert.Equal(LoggingSidecar.DefaultLogPath, new LoggingSidecarAttribute().LogPath);
        Assert.Equal(AuthProxySidecar.DefaultPort, new AuthProxySidecarAttribute().Port);
        Assert.Equal(Planning.ServicePlanner.DefaultPort, new SidecarServiceAttribute().Port);
        Assert.Equal(Planning.ServicePlanner.DefaultReplicas, new SidecarServiceAttribute().Replicas);
        Assert.Equal(Planning.ServicePlanner.DefaultHealthPath, new SidecarServiceAttribute().HealthPath);
    }

    [Fact]
    public void Every_built_in_sidecar_declares_exactly_one_concern()
    {
        var builtIns = typeof(SidecarAttribute).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(SidecarAttribute)));
        Assert.All(builtIns, type =>
        {
            Assert.True(type.IsSealed, type.Name);
            Assert.Single(type.GetCustomAttributes<SidecarConcernAttribute>());
        });
    }

    [Fact]
    public void Default_images_are_pinned_to_a_version()
    {
        Assert.All(DefaultImages.All, image =>
        {
            var tag = image[(image.LastIndexOf(':') + 1)..];
            Assert.DoesNotContain("/", tag);
            Assert.NotEqual("latest", tag);
            Assert.Matches(@"\d+\.\d+", tag);
        });
    }
}
