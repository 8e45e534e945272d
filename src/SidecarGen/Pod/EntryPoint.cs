namespace SidecarGen.Pod;

/// <summary>
/// Where inbound traffic enters the Pod: the outermost traffic sidecar, else the app. The Service's
/// <c>targetPort</c> and the Compose published port point here.
/// </summary>
internal sealed record EntryPoint(string ContainerName, string PortName, int Port);
