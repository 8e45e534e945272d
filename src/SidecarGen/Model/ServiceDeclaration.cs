namespace SidecarGen.Model;

/// <summary>
/// The entry-point class's SidecarGen attributes: the optional <c>[SidecarService]</c> and its
/// sidecars, in source order.
/// </summary>
internal sealed record ServiceDeclaration(
    AttributeArguments? Service,
    int ServiceOrdinal,
    EquatableArray<SidecarDeclaration> Sidecars);
