namespace SidecarGen.Pod;

/// <summary>
/// A Kubernetes object a sidecar adds beside the Deployment (e.g. an Istio DestinationRule), written
/// to <paramref name="FileName"/> with the standard metadata and listed in the kustomization.
/// <paramref name="Body"/> holds its top-level fields after <c>metadata</c> (usually one: <c>spec</c>).
/// </summary>
internal sealed record ObjectSpec(string FileName, string ApiVersion, string Kind, string Name, SpecNode Body)
{
    /// <summary>A body of one field, <c>spec</c>, holding <paramref name="fields"/>.</summary>
    public static SpecNode Spec(params SpecField[] fields) => SpecNode.Map(SpecField.Of("spec", SpecNode.Map(fields)));
}
