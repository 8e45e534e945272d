using SidecarGen.Rules;

namespace SidecarGen.Model;

/// <summary>
/// The entry-point class's SidecarGen attributes, read once: the optional <c>[SidecarService]</c>
/// (<see langword="null"/> when absent, so its defaults apply) and its sidecars in source order, with
/// what reading them already found wrong (<paramref name="ReadFindings"/>).
/// </summary>
internal sealed record ServiceDeclaration(
    ServiceOptions? Service,
    int ServiceOrdinal,
    EquatableArray<string> ServiceWritten,
    EquatableArray<SidecarDeclaration> Sidecars,
    EquatableArray<Finding> ReadFindings)
{
    /// <summary>The service's options, its attribute's defaults when it has no <c>[SidecarService]</c>.</summary>
    public ServiceOptions Options => Service ?? ServiceOptions.Default;

    /// <summary>The sidecar declared by the attribute at <paramref name="ordinal"/> on the class.</summary>
    public SidecarDeclaration Sidecar(int ordinal)
    {
        foreach (var sidecar in Sidecars)
        {
            if (sidecar.Ordinal == ordinal)
            {
                return sidecar;
            }
        }

        throw new System.ArgumentOutOfRangeException(nameof(ordinal), ordinal, "No sidecar of the service was declared at this position");
    }
}
