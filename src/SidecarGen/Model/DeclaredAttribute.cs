namespace SidecarGen.Model;

/// <summary>
/// One SidecarGen attribute as written, in a neutral form that both Roslyn's <c>AttributeData</c>
/// (a service's own compilation) and a service description (a system's compilation) turn into, so
/// that one reader puts both onto the real attribute classes. <paramref name="TypeName"/> is the
/// metadata name of the SidecarGen.Abstractions class it is read onto (a user's own sidecar attribute
/// reads as <c>SidecarAttribute</c>, with the name and image its constructor passes to the base);
/// <paramref name="Ordinal"/> is its position among the class's attributes.
/// </summary>
internal sealed record DeclaredAttribute(
    int Ordinal,
    string TypeName,
    SidecarConcerns ClassConcerns,
    EquatableArray<DeclaredArgument> ConstructorArguments,
    EquatableArray<DeclaredArgument> NamedArguments);

/// <summary>A constructor argument (by parameter name) or a named argument (by property name).</summary>
internal sealed record DeclaredArgument(string Name, ArgumentValue Value);
