namespace SidecarGen.Sidecars.ServiceMesh;

/// <summary>
/// When a mesh proxy takes an upstream host out of its pool, the same for our Envoy and for Istio's:
/// after 5 consecutive 5xx answers, checked every 10 s, for 30 s (longer each time again), never more
/// than half the hosts at once, so a bad host is skipped without emptying the pool.
/// </summary>
internal static class OutlierDetection
{
    public const int Consecutive5xx = 5;
    public const int IntervalSeconds = 10;
    public const int BaseEjectionSeconds = 30;
    public const int MaxEjectionPercent = 50;
}
