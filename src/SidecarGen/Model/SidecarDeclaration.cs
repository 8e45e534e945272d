namespace SidecarGen.Model;

/// <summary>
/// One sidecar attribute as written on the service class.
/// <paramref name="Ordinal"/> is the attribute's position on the class, which lets analyzers map a
/// finding back to its syntax without the model holding any.
/// </summary>
internal sealed record SidecarDeclaration(
    SidecarKind Kind,
    int Ordinal,
    Concerns ClassConcerns,
    int ClassConcernCount,
    AttributeArguments Arguments);
