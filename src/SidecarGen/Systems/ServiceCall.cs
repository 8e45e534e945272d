using System.Collections.Generic;

namespace SidecarGen.Systems;

/// <summary>
/// One call a service declares: an item of its <c>Calls</c>, or a mesh <c>Upstreams</c> item that
/// names a service. <paramref name="Ordinal"/>, <paramref name="Argument"/> and <paramref name="Item"/>
/// say where it is written.
/// </summary>
internal sealed record ServiceCall(string Callee, int Ordinal, string Argument, int Item, bool ThroughMesh)
{
    public static IEnumerable<ServiceCall> Of(SystemService service)
    {
        var calls = service.Declaration.Options.Calls;
        for (var i = 0; i < calls.Count; i++)
        {
            yield return new ServiceCall(calls[i], service.Declaration.ServiceOrdinal, nameof(SidecarServiceAttribute.Calls), i, ThroughMesh: false);
        }

        if (service.Mesh is { } mesh)
        {
            for (var i = 0; i < mesh.Options.Upstreams.Count; i++)
            {
                if (mesh.Options.Upstreams[i].Service is { } callee)
                {
                    yield return new ServiceCall(callee, mesh.Ordinal, nameof(ServiceMeshSidecarAttribute.Upstreams), i, ThroughMesh: true);
                }
            }
        }
    }
}
