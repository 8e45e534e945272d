using System.Threading;
using Microsoft.CodeAnalysis;
using SidecarGen.Model;

namespace SidecarGen.Reading;

/// <summary>
/// The service a class declares: its SidecarGen attributes in their neutral form
/// (<see cref="DeclaredAttributeReader"/>), read by <see cref="DeclarationReader"/>. The generator and
/// the analyzers both read through here, so they always see the same service.
/// </summary>
internal static class AttributeReader
{
    /// <summary>The service the class declares, or null when it carries no SidecarGen attribute.</summary>
    public static ServiceDeclaration? Read(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        DeclarationReader.Read(DeclaredAttributeReader.Read(type, cancellationToken));

    /// <summary>The class's SidecarGen attributes and where they are written, or null when it carries none.</summary>
    public static DeclaredService? Declared(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var attributes = DeclaredAttributeReader.Read(type, cancellationToken);
        return attributes.IsEmpty ? null : new DeclaredService(attributes, ServiceSourceReader.Read(type, attributes, cancellationToken));
    }
}
