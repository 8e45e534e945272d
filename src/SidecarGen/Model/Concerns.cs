using System;

namespace SidecarGen.Model;

/// <summary>
/// The generator's copy of <c>SidecarGen.SidecarConcerns</c> (same values; a test keeps them equal).
/// The generator reads attributes from source and never loads the user-facing assembly.
/// </summary>
[Flags]
internal enum Concerns
{
    None = 0,
    Logging = 1,
    Metrics = 2,
    Authentication = 4,
    TrafficManagement = 8,
    Configuration = 16,
    TlsTermination = 32,
}
