namespace SidecarGen.Pod;

/// <summary>A configuration file of a sidecar: a ConfigMap key in Kubernetes, a bind-mounted file in Compose.</summary>
internal sealed record ConfigFileSpec(string FileName, string Content);
