using System.Collections.Generic;
using SidecarGen.Model;
using SidecarGen.Planning;
using SidecarGen.Reading;
using SidecarGen.Sidecars;

namespace SidecarGen.Systems;

/// <summary>
/// One service of a system, read from its description through the same reader as its own build, with
/// the settings it is planned with: its own (name, image, version) under the system's (namespace,
/// Kubernetes version, which outputs, cluster add-ons).
/// </summary>
internal sealed class SystemService
{
    private SystemService(int index, ServiceDescription description, ServiceDeclaration declaration, BuildSettings settings)
    {
        Index = index;
        Description = description;
        Declaration = declaration;
        Settings = settings;
        Name = ServicePlanner.ServiceName(declaration, settings);
    }

    /// <summary>The position of its description in the system's list.</summary>
    public int Index { get; }

    public ServiceDescription Description { get; }

    public ServiceDeclaration Declaration { get; }

    public BuildSettings Settings { get; }

    public string Name { get; }

    /// <summary>The mesh whose client certificate its entry requires of callers (a sidecar in front requires mutual TLS); null when none.</summary>
    public MeshProvider? RequiredClientCertificate
    {
        get
        {
            foreach (var sidecar in Declaration.Sidecars)
            {
                if (SidecarKinds.Of(sidecar) is IMeshKind kind && kind.RequiredClientCertificate(sidecar.Options) is { } mesh)
                {
                    return mesh;
                }
            }

            return null;
        }
    }

    /// <summary>Each description that declares a service, read; the others (a project without SidecarGen attributes) are left out.</summary>
    public static IReadOnlyList<SystemService> Of(SystemDeclaration system)
    {
        var services = new List<SystemService>();
        for (var i = 0; i < system.Services.Count; i++)
        {
            var description = system.Services[i];
            if (description.Readable && DeclarationReader.Read(description.Attributes) is { } declaration)
            {
                var settings = description.Settings with
                {
                    Kubernetes = system.Settings.Kubernetes,
                    Compose = system.Settings.Compose,
                    KubernetesVersion = system.Settings.KubernetesVersion,
                    Namespace = system.Settings.Namespace,
                    AddOns = system.Settings.AddOns,
                };
                services.Add(new SystemService(i, description, declaration, settings));
            }
        }

        return services;
    }
}
