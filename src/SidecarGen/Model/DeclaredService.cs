namespace SidecarGen.Model;

/// <summary>The entry-point class's SidecarGen attributes in their neutral form, and where they are written.</summary>
internal sealed record DeclaredService(EquatableArray<DeclaredAttribute> Attributes, ServiceSource Source);
