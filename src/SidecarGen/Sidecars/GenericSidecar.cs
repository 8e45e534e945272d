using System.Linq;
using SidecarGen.Model;
using SidecarGen.Planning;

namespace SidecarGen.Sidecars;

/// <summary>
/// <c>[Sidecar(name, image)]</c> and user attributes derived from it: a container exactly as
/// described by the common properties, probed on its first port.
/// </summary>
internal static class GenericSidecar
{
    public static SidecarSpec Build(SidecarDeclaration sidecar, SidecarContext context)
    {
        var name = CommonSettings.Name(sidecar, "sidecar");
        var container = CommonSettings.Container(
            sidecar,
            name,
            CommonSettings.Image(sidecar, string.Empty),
            Enumerable.Empty<string>(),
            Enumerable.Empty<string>(),
            Enumerable.Empty<PortSpec>(),
            Enumerable.Empty<EnvVarSpec>(),
            Enumerable.Empty<MountSpec>(),
            probe: null);

        return new SidecarSpec(
            container,
            CommonSettings.Concerns(sidecar, Concerns.None),
            EquatableArray<ConfigFileSpec>.Empty,
            EquatableArray<SharedVolumeSpec>.Empty,
            EquatableArray<EnvVarSpec>.Empty,
            EquatableArray<KeyValue>.Empty,
            InboundPort: null);
    }
}
