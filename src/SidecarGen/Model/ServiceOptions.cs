using System.Linq;

namespace SidecarGen.Model;

/// <summary><c>[SidecarService]</c> read into typed data; its defaults are the attribute's own.</summary>
internal sealed record ServiceOptions(string? Name, string? Image, int Port, int Replicas, string HealthPath, string LivenessPath, ServiceProtocol Protocol, ResourceOptions Resources, string? Host, EquatableArray<DeclaredCall> Calls, AutoscalingOptions Autoscaling, EquatableArray<ExternalService> ExternalServices)
{
    /// <summary>A project without <c>[SidecarService]</c>: every default of the attribute.</summary>
    public static readonly ServiceOptions Default = Read(new SidecarServiceAttribute());

    public static ServiceOptions Read(SidecarServiceAttribute attribute) => new(
        attribute.Name,
        attribute.Image,
        attribute.Port,
        attribute.Replicas,
        attribute.HealthPath,
        attribute.LivenessPath,
        attribute.Protocol,
        new ResourceOptions(attribute.CpuRequest, attribute.MemoryRequest, attribute.CpuLimit, attribute.MemoryLimit),
        attribute.Host,
        EquatableArray.From(attribute.Calls).Select(DeclaredCall.Parse).ToEquatableArray(),
        AutoscalingOptions.Read(attribute),
        EquatableArray.From(attribute.ExternalServices).Select(ExternalService.Parse).ToEquatableArray());
}
