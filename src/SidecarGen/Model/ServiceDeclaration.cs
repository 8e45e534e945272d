namespace SidecarGen.Model;

/// <summary>
/// A class carrying SidecarGen attributes: the optional <c>[SidecarService]</c> and its sidecars,
/// in source order.
/// </summary>
internal sealed record ServiceDeclaration(
    string TypeName,
    bool IsEntryPoint,
    AttributeArguments? Service,
    int ServiceOrdinal,
    EquatableArray<SidecarDeclaration> Sidecars);
