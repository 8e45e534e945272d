namespace SidecarGen.Model;

/// <summary>A named attribute argument; constructor arguments are stored under their property's name.</summary>
internal sealed record AttributeArgument(string Name, ArgumentValue Value);
