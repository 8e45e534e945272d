namespace SidecarGen.Sidecars.ServiceMesh;

/// <summary>The local port on which Envoy takes the app's calls to one upstream (<c>127.0.0.1:&lt;port&gt;</c>).</summary>
internal sealed record EgressListener(MeshUpstream Upstream, int LocalPort);
