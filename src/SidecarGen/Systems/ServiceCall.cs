using System.Collections.Generic;
using SidecarGen.Sidecars;

namespace SidecarGen.Systems;

/// <summary>
/// One call a service declares: an item of its <c>Calls</c>, or a mesh <c>Upstreams</c> item that
/// names a service. <paramref name="Ordinal"/>, <paramref name="Argument"/> and <paramref name="Item"/>
/// say where it is written.
/// </summary>
internal sealed record ServiceCall(string Callee, int Ordinal, string Argument, int Item)
{
    public static IEnumerable<ServiceCall> Of(SystemService service)
    {
        var calls = service.Declaration.Options.Calls;
        for (var i = 0; i < calls.Count; i++)
        {
            yield return new ServiceCall(calls[i].Service, service.Declaration.ServiceOrdinal, nameof(SidecarServiceAttribute.Calls), i);
        }

        foreach (var sidecar in service.Declaration.Sidecars)
        {
            foreach (var (callee, property, item) in SidecarKinds.Of(sidecar).CalledServices(sidecar.Options))
            {
                yield return new ServiceCall(callee, sidecar.Ordinal, property, item);
            }
        }
    }
}
