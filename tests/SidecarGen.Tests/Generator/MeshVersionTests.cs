using k8s.Models;
using SidecarGen.Tests.Infrastructure;
using SidecarGen.Tests.Systems;

namespace SidecarGen.Tests.Generator;

/// <summary>
/// The output for Istio and Linkerd works on every supported version (docs/compatibility.md): each
/// annotation, label and API version it writes is one the oldest and the newest supported release know,
/// read from their sources (Schemas/versions). The one exception is a name the newest reads and the oldest
/// ignores, written beside the older name that does the same there.
/// </summary>
public sealed class MeshVersionTests
{
    public static TheoryData<string, string, string> Ends() => new()
    {
        { "istio", "istio-1.22.0", "istio-1.30.3" },
        { "linkerd", "linkerd-stable-2.16", "linkerd-edge-26.8.3" },
    };

    /// <summary>
    /// Istio 1.22 and 1.23 ignore <c>sidecar.istio.io/nativeSidecar</c> (istio/api adds it in v1.24.0): their
    /// proxy stays an ordinary container, and <c>holdApplicationUntilProxyStarts</c> makes the app wait for it.
    /// </summary>
    private static readonly Dictionary<string, (string Key, string Value)> NewerWithFallback = new()
    {
        ["sidecar.istio.io/nativeSidecar"] = ("proxy.istio.io/config", "holdApplicationUntilProxyStarts: true"),
    };

    [Theory]
    [MemberData(nameof(Ends))]
    public void Every_annotation_and_label_is_one_both_ends_of_the_supported_range_read(string mesh, string oldest, string newest)
    {
        var oldNames = UpstreamVersions.Names(oldest + ".annotations.txt").Concat(Labels(oldest)).ToHashSet();
        var newNames = UpstreamVersions.Names(newest + ".annotations.txt").Concat(Labels(newest)).ToHashSet();
        var written = Outputs(mesh).SelectMany(MeshKeys).ToList();

        Assert.NotEmpty(written);
        foreach (var (key, metadata) in written)
        {
            Assert.True(newNames.Contains(key), $"{newest} does not know {key}");
            if (!oldNames.Contains(key))
            {
                Assert.True(NewerWithFallback.TryGetValue(key, out var fallback), $"{oldest} does not know {key}");
                Assert.True(oldNames.Contains(fallback.Key), $"{oldest} does not know {fallback.Key}");
                Assert.Equal(fallback.Value, metadata[fallback.Key]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Ends))]
    public void Every_mesh_object_is_in_an_api_version_both_ends_serve(string mesh, string oldest, string newest)
    {
        var objects = Outputs(mesh)
            .SelectMany(output => output.KubernetesObjects)
            .Select(file => YamlJson.Parse(file.Value))
            .Select(resource => (string)resource["apiVersion"]! + " " + (string)resource["kind"]!)
            .Where(type => type.Contains(mesh + ".io/", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        Assert.NotEmpty(objects);
        Assert.All(objects, type =>
        {
            Assert.Contains(type, UpstreamVersions.Names(oldest + ".served.txt"));
            Assert.Contains(type, UpstreamVersions.Names(newest + ".served.txt"));
        });
    }

    /// <summary>
    /// The objects set only fields the oldest supported release's CRDs define (istio/api v1.22.0, linkerd2
    /// version-2.16; Schemas/crds-oldest), as they do the newest's (KubernetesOpenApiTests): an API server
    /// prunes a field its CRD does not know, silently.
    /// </summary>
    [Theory]
    [InlineData("istio")]
    [InlineData("linkerd")]
    public void Every_mesh_object_sets_only_fields_the_oldest_supported_crds_define(string mesh)
    {
        var resources = Outputs(mesh)
            .SelectMany(output => output.KubernetesObjects)
            .Select(file => (file.Key, Resource: YamlJson.Parse(file.Value)))
            .Where(file => ((string)file.Resource["apiVersion"]!).Contains(mesh + ".io/", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(resources);
        Assert.All(resources, file => Assert.True(
            CustomResourceSchemas.Violations(file.Resource, CustomResourceSchemas.Oldest) is [],
            file.Key + ": " + string.Join("; ", CustomResourceSchemas.Violations(file.Resource, CustomResourceSchemas.Oldest))));
    }

    /// <summary>One output serves the whole range: naming a supported version (SidecarGenIstioVersion, SidecarGenLinkerdVersion) changes no byte.</summary>
    [Theory]
    [InlineData("istio", "SidecarGenIstioVersion", "1.22")]
    [InlineData("istio", "SidecarGenIstioVersion", "1.30.3")]
    [InlineData("linkerd", "SidecarGenLinkerdVersion", "stable-2.16.0")]
    [InlineData("linkerd", "SidecarGenLinkerdVersion", "edge-26.8.3")]
    public void Naming_a_supported_version_changes_nothing(string mesh, string property, string version)
    {
        var source = SidecarDeclarations.AllWith(mesh);
        Assert.Equal(GeneratorHarness.Run(source).Files, GeneratorHarness.Run(source, new Dictionary<string, string> { [property] = version }).Files);
    }

    /// <summary>Below the range SCG0040 warns (MeshAnalyzerTests) and the output is still written: the user may be upgrading the mesh.</summary>
    [Theory]
    [InlineData("istio", "SidecarGenIstioVersion", "1.21")]
    [InlineData("linkerd", "SidecarGenLinkerdVersion", "2.15")]
    public void Below_the_supported_range_the_output_is_still_written(string mesh, string property, string version)
    {
        var output = GeneratorHarness.Run(SidecarDeclarations.AllWith(mesh), new Dictionary<string, string> { [property] = version });
        Assert.Equal("Generated", output.Status);
    }

    /// <summary>Istio keeps labels apart (istio/api label/labels.yaml); Linkerd lists both in pkg/k8s/labels.go.</summary>
    private static IEnumerable<string> Labels(string version) =>
        version.StartsWith("istio", StringComparison.Ordinal) ? UpstreamVersions.Names(version + ".labels.txt") : Enumerable.Empty<string>();

    /// <summary>
    /// Every shape of mesh output: with every sidecar (TLS at the entry) and without TLS (retries and
    /// timeouts), with and without native sidecars, and a system whose called services get authorization objects.
    /// </summary>
    private static IEnumerable<GeneratedOutput> Outputs(string mesh)
    {
        var plain = SidecarDeclarations.Service(SidecarDeclarations.Meshes[mesh], SidecarDeclarations.Each["logging"], SidecarDeclarations.Each["metrics"], SidecarDeclarations.Each["config-watcher"]);
        foreach (var version in new[] { "1.33", "1.28" })
        {
            var properties = new Dictionary<string, string> { ["SidecarGenKubernetesVersion"] = version };
            yield return GeneratorHarness.Run(SidecarDeclarations.AllWith(mesh), properties);
            yield return GeneratorHarness.Run(plain, properties);
        }

        var provider = mesh == "istio" ? "Istio" : "Linkerd";
        yield return SystemHarness.Run(CallTable.System(_ => new[] { $"ServiceMeshSidecar(Mesh = MeshProvider.{provider})" }), new Dictionary<string, string> { ["SidecarGenNamespace"] = "shop" });
    }

    /// <summary>Each mesh key on a Pod template (label or annotation) or a Service, with the metadata that holds it.</summary>
    private static IEnumerable<(string Key, IDictionary<string, string> Metadata)> MeshKeys(GeneratedOutput output)
    {
        foreach (var (path, yaml) in output.KubernetesObjects)
        {
            var metadata = path.EndsWith("deployment.yaml", StringComparison.Ordinal) ? KubernetesObjects.Load<V1Deployment>(yaml).Spec.Template.Metadata
                : path.EndsWith("/service.yaml", StringComparison.Ordinal) ? KubernetesObjects.Load<V1Service>(yaml).Metadata
                : null;
            foreach (var map in new[] { metadata?.Annotations, metadata?.Labels })
            {
                foreach (var key in map?.Keys.Where(key => key.Contains("istio.io/", StringComparison.Ordinal) || key.Contains("linkerd.io/", StringComparison.Ordinal)) ?? Enumerable.Empty<string>())
                {
                    yield return (key, map!);
                }
            }
        }
    }
}
