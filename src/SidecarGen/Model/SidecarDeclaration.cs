namespace SidecarGen.Model;

/// <summary>
/// One sidecar attribute as written on the service class, read into its kind's options.
/// <paramref name="Ordinal"/> is the attribute's position on the class, which lets analyzers map a
/// finding back to its syntax without the model holding any; <paramref name="Written"/> names the
/// properties the user set, so a finding about a value lands on the literal that wrote it.
/// <paramref name="ClassConcerns"/> are the concerns its class declares with <c>[SidecarConcern]</c>.
/// </summary>
internal sealed record SidecarDeclaration(
    int Ordinal,
    SidecarConcerns ClassConcerns,
    EquatableArray<string> Written,
    SidecarOptions Options)
{
    /// <summary>Every concern the sidecar takes: its class's and its <c>Concerns</c> argument's.</summary>
    public SidecarConcerns Concerns => ClassConcerns | Options.Common.Concerns;

    public string Name => Options.Common.Name;

    public bool IsWritten(string property) => Written.Contains(property);
}
