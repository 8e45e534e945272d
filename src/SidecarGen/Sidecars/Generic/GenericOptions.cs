using SidecarGen.Model;

namespace SidecarGen.Sidecars.Generic;

/// <summary><c>[Sidecar(name, image)]</c>, or a user's attribute derived from it: the common properties only.</summary>
internal sealed record GenericOptions(CommonOptions Common) : SidecarOptions(Common)
{
    public static GenericOptions Read(SidecarAttribute attribute) => new(CommonOptions.Read(attribute));
}
