using System.Collections.Generic;
using SidecarGen.Model;
using SidecarGen.Rules;
using SidecarGen.Sidecars;

namespace SidecarGen.Reading;

/// <summary>
/// Turns a class's SidecarGen attributes, in their neutral form, into a <see cref="ServiceDeclaration"/>:
/// each attribute onto its real class (<see cref="AttributeDataAccessor"/>), then into its kind's typed
/// options. A service's own build and a system's build both read through here.
/// </summary>
internal static class DeclarationReader
{
    private static readonly LastResult<EquatableArray<DeclaredAttribute>, ServiceDeclaration?> Last = new(ReadNew);

    /// <summary>The service the attributes declare, or null when there is none.</summary>
    public static ServiceDeclaration? Read(EquatableArray<DeclaredAttribute> attributes) => Last.Of(attributes);

    private static ServiceDeclaration? ReadNew(EquatableArray<DeclaredAttribute> attributes)
    {
        ServiceOptions? service = null;
        var serviceOrdinal = -1;
        var serviceWritten = EquatableArray<string>.Empty;
        var sidecars = new List<SidecarDeclaration>();
        var findings = new Findings();

        foreach (var attribute in attributes)
        {
            var context = new ReadContext(findings, attribute.Ordinal);
            if (attribute.TypeName == nameof(SidecarServiceAttribute))
            {
                // A second one is already a compile error (AllowMultiple = false); the first wins so the output stays stable.
                if (service is null && AttributeDataAccessor.Access(typeof(SidecarServiceAttribute), attribute, context) is SidecarServiceAttribute read)
                {
                    service = ServiceOptions.Read(read);
                    serviceOrdinal = attribute.Ordinal;
                    serviceWritten = context.WrittenProperties;
                }
            }
            else
            {
                var kind = SidecarKinds.OfAttribute(attribute.TypeName) ?? SidecarKinds.Generic;
                if (AttributeDataAccessor.Access(kind.AttributeType, attribute, context) is SidecarAttribute sidecar)
                {
                    sidecars.Add(new SidecarDeclaration(attribute.Ordinal, attribute.ClassConcerns, context.WrittenProperties, kind.Read(sidecar)));
                }
            }
        }

        return service is null && sidecars.Count == 0
            ? null
            : new ServiceDeclaration(service, serviceOrdinal, serviceWritten, sidecars.ToEquatableArray(), findings.Items.ToEquatableArray());
    }
}
