using SidecarGen.Model;

namespace SidecarGen.Systems;

/// <summary>
/// A system project: its name (<c>SidecarGenSystem</c>), its own build settings (namespace, Kubernetes
/// version and outputs apply to every service) and the descriptions of its services, in the order of
/// its <c>ProjectReference</c>s.
/// </summary>
internal sealed record SystemDeclaration(string Name, BuildSettings Settings, EquatableArray<ServiceDescription> Services);
