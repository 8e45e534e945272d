using System.Collections.Generic;
using System.Linq;
using SidecarGen.Pod;

namespace SidecarGen.Sidecars.Generic;

/// <summary>
/// <c>[Sidecar(name, image)]</c> and user attributes derived from it: a container exactly as
/// described by the common properties, probed on its first port.
/// </summary>
internal sealed class GenericSidecar : SidecarKind<SidecarAttribute, GenericOptions>
{
    public override IEnumerable<string> DefaultImages => Enumerable.Empty<string>();

    protected override GenericOptions ReadOptions(SidecarAttribute attribute) => GenericOptions.Read(attribute);

    protected override string? DefaultImage(GenericOptions options) => null;

    protected override SidecarSpec Plan(GenericOptions options, SidecarContext context)
    {
        var container = CommonSettings.Container(
            options.Common,
            options.Common.Image ?? string.Empty,
            Enumerable.Empty<string>(),
            Enumerable.Empty<string>(),
            Enumerable.Empty<PortSpec>(),
            Enumerable.Empty<EnvVarSpec>(),
            Enumerable.Empty<MountSpec>(),
            probe: null);

        return new SidecarSpec(container);
    }
}
