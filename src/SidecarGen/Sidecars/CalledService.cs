namespace SidecarGen.Sidecars;

/// <summary>A service the sidecar calls by name for the app, with the property and item that name it.</summary>
internal sealed record CalledService(string Service, string Property, int Item);
