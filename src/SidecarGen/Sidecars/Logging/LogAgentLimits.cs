namespace SidecarGen.Sidecars.Logging;

/// <summary>
/// The bounds every log agent keeps, each written into its configuration in the agent's own syntax
/// and stated in docs/sidecars/logging.md ("Nothing lost"): what a restart, an outage or rotation may cost.
/// </summary>
internal static class LogAgentLimits
{
    /// <summary>The most the agent buffers on disk while its output is unreachable; beyond it the oldest records are dropped.</summary>
    public const int BufferMegabytes = 64;

    /// <summary>The longest wait between two retries of a failed delivery, so shipping resumes soon after the output is back.</summary>
    public const int RetryCapSeconds = 30;

    /// <summary>How long a rotated (renamed) file is still read before the agent closes it.</summary>
    public const int RotateWaitSeconds = 5;
}
