namespace SidecarGen.Emit;

/// <summary>
/// The identity every container runs as, chosen for the Pod Security Standards "restricted" profile:
/// non-root, UID and GID at or above 10000 so they never collide with a host's users.
/// </summary>
internal static class SecurityProfile
{
    public const int UserId = 10001;
    public const int GroupId = 10001;
}
