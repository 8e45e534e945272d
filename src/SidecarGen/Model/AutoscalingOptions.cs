namespace SidecarGen.Model;

/// <summary>
/// The autoscaling properties of <c>[SidecarService]</c> as written (their defaults are the attribute's own);
/// <paramref name="MaxReplicas"/> above 0 turns autoscaling on.
/// </summary>
internal sealed record AutoscalingOptions(int MinReplicas, int MaxReplicas, int TargetCpuUtilization, int TargetMemoryUtilization, int TargetRequestsPerSecond)
{
    public bool Enabled => MaxReplicas > 0;

    public static AutoscalingOptions Read(SidecarServiceAttribute attribute) => new(
        attribute.MinReplicas,
        attribute.MaxReplicas,
        attribute.TargetCpuUtilization,
        attribute.TargetMemoryUtilization,
        attribute.TargetRequestsPerSecond);
}
