using System;
using System.Collections.Generic;
using System.Linq;
using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Rules;

namespace SidecarGen.Sidecars;

/// <summary>
/// Everything one kind of sidecar is, in one place: the attribute users write, how its options are
/// read from it, the checks only it needs, how it plans its container, and its default images.
/// <see cref="SidecarKinds"/> lists every kind; nothing else names them.
/// </summary>
internal abstract class SidecarKind
{
    /// <summary>The attribute class in SidecarGen.Abstractions that declares this kind.</summary>
    public abstract Type AttributeType { get; }

    /// <summary>The options record the kind reads its attribute into.</summary>
    public abstract Type OptionsType { get; }

    /// <summary>
    /// The kind proxies requests to the next hop inward with <c>X-Forwarded-Proto</c> and
    /// <c>X-Forwarded-For</c>, so the app is told to trust them (<see cref="ForwardedHeaders"/>).
    /// </summary>
    public virtual bool ForwardsScheme => false;

    /// <summary>
    /// Why the kind, as a traffic hop, cannot forward <paramref name="protocol"/> to the next hop inward
    /// (SCG0042); null when it can. Every kind forwards HTTP/1.1.
    /// </summary>
    public virtual string? CannotCarry(ServiceProtocol protocol) => null;

    /// <summary>Every image the kind runs unless <c>Image</c> says otherwise, each pinned to a tested release.</summary>
    public abstract IEnumerable<string> DefaultImages { get; }

    public abstract SidecarOptions Read(SidecarAttribute attribute);

    /// <summary>The pinned image this sidecar runs when <c>Image</c> is left out; null when the kind has none, so the user must name one.</summary>
    public abstract string? DefaultImage(SidecarOptions options);

    /// <summary>The kind's own checks, reported at the attribute's arguments.</summary>
    public abstract void Check(SidecarOptions options, AttributeFindings findings);

    public abstract SidecarSpec Plan(SidecarOptions options, SidecarContext context);

    /// <summary>The single-port properties of the kind and their values, so findings about a port land on its literal.</summary>
    public abstract IEnumerable<PortProperty> Ports(SidecarOptions options);

    /// <summary>The folder-path properties of the kind that become mount paths.</summary>
    public abstract IEnumerable<PathProperty> Paths(SidecarOptions options);

    /// <summary>Properties the kind does not use with these options (SCG0020 when written), each with what to do instead.</summary>
    public abstract IEnumerable<IgnoredProperty> Ignored(SidecarOptions options);

    /// <summary>The CPU and memory the sidecar requests in the Pod, for SCG0010; null where it requests nothing SidecarGen knows of.</summary>
    public abstract ResourceOptions Requests(SidecarOptions options);

    /// <summary>The kind's checks on the planned Pod as a whole, reported at its attribute.</summary>
    public abstract void CheckPod(SidecarOptions options, ServicePlan plan, AttributeFindings findings);

    /// <summary>The services the sidecar calls by name for the app (a mesh's upstreams), each with the property and item that names it.</summary>
    public virtual IEnumerable<CalledService> CalledServices(SidecarOptions options) =>
        Enumerable.Empty<CalledService>();
}

/// <summary>A kind whose attribute is <typeparamref name="TAttribute"/> and whose options are <typeparamref name="TOptions"/>.</summary>
internal abstract class SidecarKind<TAttribute, TOptions> : SidecarKind
    where TAttribute : SidecarAttribute
    where TOptions : SidecarOptions
{
    public sealed override Type AttributeType => typeof(TAttribute);

    public sealed override Type OptionsType => typeof(TOptions);

    public sealed override SidecarOptions Read(SidecarAttribute attribute) => ReadOptions((TAttribute)attribute);

    public sealed override string? DefaultImage(SidecarOptions options) => DefaultImage((TOptions)options);

    /// <summary>Every kind's folder paths are checked alike (SCG0016), then the kind's own checks run.</summary>
    public sealed override void Check(SidecarOptions options, AttributeFindings findings)
    {
        foreach (var path in Paths((TOptions)options))
        {
            SidecarChecks.FolderPath(findings, path);
        }

        Check((TOptions)options, findings);
    }

    public sealed override SidecarSpec Plan(SidecarOptions options, SidecarContext context) => Plan((TOptions)options, context);

    public sealed override IEnumerable<PortProperty> Ports(SidecarOptions options) => Ports((TOptions)options);

    public sealed override IEnumerable<PathProperty> Paths(SidecarOptions options) => Paths((TOptions)options);

    public sealed override IEnumerable<IgnoredProperty> Ignored(SidecarOptions options) => Ignored((TOptions)options);

    public sealed override ResourceOptions Requests(SidecarOptions options) => Requests((TOptions)options);

    public sealed override void CheckPod(SidecarOptions options, ServicePlan plan, AttributeFindings findings) => CheckPod((TOptions)options, plan, findings);

    protected abstract TOptions ReadOptions(TAttribute attribute);

    protected abstract string? DefaultImage(TOptions options);

    protected virtual void Check(TOptions options, AttributeFindings findings)
    {
    }

    protected abstract SidecarSpec Plan(TOptions options, SidecarContext context);

    protected virtual IEnumerable<PortProperty> Ports(TOptions options) => Enumerable.Empty<PortProperty>();

    protected virtual IEnumerable<PathProperty> Paths(TOptions options) => Enumerable.Empty<PathProperty>();

    protected virtual IEnumerable<IgnoredProperty> Ignored(TOptions options) => Enumerable.Empty<IgnoredProperty>();

    /// <summary>By default the sidecar's own container: what its attribute wrote, else <see cref="CommonSettings.DefaultResources"/>.</summary>
    protected virtual ResourceOptions Requests(TOptions options) => new(
        options.Common.Resources.CpuRequest ?? CommonSettings.DefaultResources.CpuRequest,
        options.Common.Resources.MemoryRequest ?? CommonSettings.DefaultResources.MemoryRequest,
        null,
        null);

    protected virtual void CheckPod(TOptions options, ServicePlan plan, AttributeFindings findings)
    {
    }
}
