namespace SidecarGen.Model;

/// <summary>
/// A sidecar attribute read into typed, equatable data. Each sidecar kind derives its own record,
/// built from an instance of its attribute class, so every property's name and default is the
/// attribute's own (SidecarGen.Abstractions).
/// </summary>
internal abstract record SidecarOptions(CommonOptions Common);
